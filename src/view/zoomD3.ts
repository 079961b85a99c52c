/**
 * The d3 that pans and zooms the graph (d3-zoom, with the selection, transitions, interpolators and colours
 * it brings: about 19 kB of gzipped code). The first picture does not need it: useZoom places the view by
 * itself until this has come (fetched, in a chunk of its own, once the graph is on screen).
 */
import 'd3-transition';

export { select } from 'd3-selection';
export { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
