// plotly.js's core uses two functions of gl-mat4 (src/lib/dom.js: multiply; src/lib/matrix.js: invert), but
// requires the package's index, which pulls in all forty: `make vendor-plotly` points `gl-mat4` here instead
// (esbuild --alias). The same two files of the same package; a relative path, so the alias does not apply.
'use strict';

module.exports = {
    invert: require('./node_modules/gl-mat4/invert.js'),
    multiply: require('./node_modules/gl-mat4/multiply.js')
};
