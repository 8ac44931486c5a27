// The plotly.js partial bundle of this site: `make vendor-plotly` builds it from this file with esbuild and
// terser into site_src/assets/vendor/plotly/plotly-site.min.js.
//
// plotly.js 4.1.1's src/core.js (the core every bundle of theirs starts from), with the same order of
// registration, minus the components no chart of this site uses: annotations3d (3-D scenes), updatemenus and
// sliders (buttons and sliders in a figure), rangeslider and rangeselector (date axes), grid (subplot grids)
// and errorbars. Traces: scatter (always in the core: the trend lines) and bar (bars, horizontal and stacked
// bars); no pie, no calendars (both in plotly's "basic" bundle). tests/test_frontend.py checks that every
// trace type and layout component the generator writes is in the built bundle. Re-check this file against
// src/core.js when upgrading plotly.js.
'use strict';

var Plotly = exports;

Plotly.version = require('plotly.js/src/version').version;

// the plot CSS, as in src/core.js (not its Promise polyfill: every browser the site supports has Promise)
require('plotly.js/build/plotcss');

var Registry = require('plotly.js/src/registry');
var register = (Plotly.register = Registry.register);

var plotApi = require('plotly.js/src/plot_api');
Object.keys(plotApi).forEach(function (name) {
    if (name.charAt(0) !== '_') Plotly[name] = plotApi[name];
    register({ moduleType: 'apiMethod', name: name, fn: plotApi[name] });
});

register(require('plotly.js/src/traces/scatter'));

register([
    require('plotly.js/src/components/annotations'),
    require('plotly.js/src/components/selections'),
    require('plotly.js/src/components/shapes'),
    require('plotly.js/src/components/images'),
    require('plotly.js/src/components/colorscale'),
    require('plotly.js/src/components/colorbar'),
    require('plotly.js/src/components/legend'), // after shapes, as in src/core.js
    require('plotly.js/src/components/fx'), // after legend
    require('plotly.js/src/components/modebar')
]);

register([require('plotly.js/src/locale-en'), require('plotly.js/src/locale-en-us')]);

register([require('plotly.js/src/traces/bar')]);

Plotly.Icons = require('plotly.js/src/fonts/ploticon');

var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');

Plotly.Plots = { resize: Plots.resize, graphJson: Plots.graphJson, sendDataToCloud: Plots.sendDataToCloud };
Plotly.Fx = { hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover };
Plotly.Snapshot = require('plotly.js/src/snapshot');
Plotly.PlotSchema = require('plotly.js/src/plot_api/plot_schema');
