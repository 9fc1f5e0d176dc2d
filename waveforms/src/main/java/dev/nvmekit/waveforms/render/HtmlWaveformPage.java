package dev.nvmekit.waveforms.render;

import dev.nvmekit.waveforms.Waveform;

/**
 * A self-contained HTML page showing a {@link WaveView}: the names stay put while the waves
 * scroll sideways, and the buttons or Ctrl+wheel zoom the time axis. Everything (SVG, CSS, a few
 * lines of JavaScript) is inline, so the file can be mailed or attached to a CI run.
 *
 * <p>Zooming stretches the wave drawing horizontally and scales its text back, so labels keep
 * their size; labels of value boxes appear once the box is wide enough to hold them.
 */
public final class HtmlWaveformPage {
    private HtmlWaveformPage() {
    }

    /**
     * The page as text.
     *
     * @param title shown in the browser tab and above the waves
     * @throws IllegalArgumentException when the view names a signal or clock the dump lacks
     */
    public static String render(Waveform waveform, WaveView view, String title) {
        SvgWaveformRenderer.Parts p = SvgWaveformRenderer.parts(waveform, view, true);
        String t = XmlText.escape(title);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <title>%1$s</title>
                <style>
                body { font-family: monospace; margin: 8px; }
                .bar { margin-bottom: 6px; }
                .bar button { font-family: monospace; min-width: 3em; }
                .view { display: flex; border: 1px solid #ccc; }
                .names { flex: none; background: #f7f7f7; border-right: 1px solid #ccc; }
                .waves { flex: 1; overflow-x: auto; overflow-y: hidden; }
                #waves * { vector-effect: non-scaling-stroke; }
                #waves text { transform-box: fill-box; transform-origin: center; transform: scaleX(var(--iz, 1)); }
                </style>
                </head>
                <body>
                <div class="bar"><button id="zoom-in" title="zoom in (Ctrl+wheel)">+</button>
                <button id="zoom-out" title="zoom out (Ctrl+wheel)">&#8722;</button>
                <button id="zoom-fit">fit</button> <span id="zoom-level">1x</span> &#160; <b>%1$s</b></div>
                <div class="view">
                <div class="names"><svg xmlns="http://www.w3.org/2000/svg" width="%2$d" height="%3$d" font-family="monospace" font-size="12">
                %4$s</svg></div>
                <div class="waves" id="scroller"><svg xmlns="http://www.w3.org/2000/svg" id="waves" width="%5$d" height="%3$d" viewBox="0 0 %5$d %3$d" preserveAspectRatio="none" font-family="monospace" font-size="12">
                <rect width="100%%" height="100%%" fill="#ffffff"/>
                %6$s</svg></div>
                </div>
                <script>
                (function () {
                  var svg = document.getElementById('waves'), scroller = document.getElementById('scroller');
                  var base = %5$d, zoom = 1, labels = svg.querySelectorAll('text[data-w]');
                  function apply(z, anchor) {
                    z = Math.max(0.05, Math.min(%7$d, z));
                    var a = anchor === undefined ? scroller.clientWidth / 2 : anchor;
                    var at = (scroller.scrollLeft + a) / zoom;
                    zoom = z;
                    svg.setAttribute('width', String(base * zoom));
                    svg.style.setProperty('--iz', String(1 / zoom));
                    labels.forEach(function (t) {
                      t.style.display = t.dataset.w * zoom >= t.dataset.n ? '' : 'none';
                    });
                    scroller.scrollLeft = at * zoom - a;
                    document.getElementById('zoom-level').textContent = zoom.toFixed(zoom < 10 ? 1 : 0) + 'x';
                  }
                  document.getElementById('zoom-in').onclick = function () { apply(zoom * 2); };
                  document.getElementById('zoom-out').onclick = function () { apply(zoom / 2); };
                  document.getElementById('zoom-fit').onclick = function () { apply(scroller.clientWidth / base); };
                  scroller.addEventListener('wheel', function (e) {
                    if (!e.ctrlKey) { return; }
                    e.preventDefault();
                    var r = scroller.getBoundingClientRect();
                    apply(zoom * (e.deltaY < 0 ? 1.25 : 0.8), e.clientX - r.left);
                  }, { passive: false });
                })();
                </script>
                </body>
                </html>
                """.formatted(t, p.namesWidth(), p.height(), p.names(), p.wavesWidth(), p.waves(),
                SvgWaveformRenderer.MAX_ZOOM);
    }
}
