// The page's own stylesheet, inline so the first paint needs no second request. Colours are
// Kuma's; every status also has a word or symbol (never colour alone). Bars draw one slot per
// beat or day: segments grow by their span and `::before` of `.beats` and `.days` paints the gaps between slots
// in the card's colour, so a run of 60 good days is one element that still looks like 60.
// First paint: a row below the fold is neither styled nor laid out nor painted until it
// scrolls near (`content-visibility:auto`; `auto` in the intrinsic size remembers a row's
// real height once seen, so the scroll bar settles). Its text stays in the page for find,
// screen readers and keyboard focus. That containment clips a row's paint to its box, so a
// beat's focus tooltip opens below its bar (the row's top edge is the bar's top on wide screens).
import { BEAT_SLOTS } from './beat-bar.js';
import { HISTORY_DAYS } from './day-history.js';

export const STATUS_PAGE_CSS = `
:root{--bg:#f5f6f8;--card:#fff;--text:#212529;--muted:#6c757d;--line:#e9ecef;--up:#5cdd8b;--down:#dc3545;--pending:#f8a306;--maint:#1747f5;--empty:#d5d8dc;color-scheme:light}
.theme-dark{--bg:#090c10;--card:#161b22;--text:#e6e6e6;--muted:#9aa4ae;--line:#2a313a;--empty:#3a414a;color-scheme:dark}
@media (prefers-color-scheme:dark){.theme-auto{--bg:#090c10;--card:#161b22;--text:#e6e6e6;--muted:#9aa4ae;--line:#2a313a;--empty:#3a414a;color-scheme:dark}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:inherit}
main{max-width:900px;margin:0 auto;padding:24px 12px}
header{display:flex;align-items:center;gap:12px;margin-bottom:16px}
header h1{margin:0;font-size:1.8em;line-height:1.2;overflow-wrap:anywhere}
.logo{width:56px;height:56px;object-fit:contain}
.card{background:var(--card);border-radius:10px;padding:16px 20px;margin:16px 0;box-shadow:0 2px 6px rgba(0,0,0,.06)}
.md>:first-child{margin-top:0}.md>:last-child{margin-bottom:0}
.md img{max-width:100%}
.verdict{display:flex;align-items:center;gap:12px;margin:0;font-size:1.3em;font-weight:600}
.verdict .icon{display:inline-grid;place-items:center;width:1.8em;height:1.8em;border-radius:50%;color:#fff;font-size:.9em;flex:none}
.v-operational .icon{background:var(--up)}.v-partial .icon{background:var(--pending)}
.v-degraded .icon{background:var(--down)}.v-maintenance .icon{background:var(--maint)}.v-unknown .icon{background:var(--muted)}
.incident{border-left:6px solid var(--pending)}
.incident h2,.maintenance h2{margin:0 0 8px;font-size:1.2em}
.incident small,.maintenance small{color:var(--muted)}
.s-danger{border-left-color:var(--down)}.s-info{border-left-color:#0dcaf0}.s-primary{border-left-color:var(--up)}
.s-light{border-left-color:#ced4da}.s-dark{border-left-color:#212529}
.maintenance{border-left:6px solid var(--maint)}
.group h2{margin:0 0 8px;font-size:1.1em}
.monitors{list-style:none;margin:0;padding:0}
.monitors>li{padding:10px 0;border-top:1px solid var(--line);content-visibility:auto;contain-intrinsic-size:auto 104px}
.monitors>li:first-child{border-top:0}
.zone{white-space:nowrap}
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.2fr);gap:6px 16px;align-items:center}
.who{display:flex;flex-wrap:wrap;align-items:center;gap:6px;min-width:0}
.name{font-weight:500;overflow-wrap:anywhere}
.pill{border-radius:99px;padding:0 8px;color:#fff;font-size:.8em;font-weight:600;white-space:nowrap}
.pill.u{background:var(--up)}.pill.d{background:var(--down)}.pill.p{background:var(--pending)}.pill.m{background:var(--maint)}.pill.e{background:var(--muted)}
.tag{border-radius:99px;padding:0 8px;font-size:.75em;color:#fff;background:var(--muted)}
.cert{font-size:.8em;color:var(--muted)}
.beats,.days{position:relative;display:flex}
.beats{--gap:2px;--slots:${BEAT_SLOTS};height:22px}
.days{--gap:1px;--slots:${HISTORY_DAYS};height:28px;margin-top:8px}
.beats i,.days i{flex:1 1 0;min-width:0;background:var(--up);outline-offset:2px}
.beats::before,.days::before{content:"";position:absolute;inset:0;z-index:1;pointer-events:none;background:repeating-linear-gradient(90deg,transparent 0 calc(100% / var(--slots) - var(--gap)),var(--card) 0 calc(100% / var(--slots)))}
i.d{background:var(--down)}i.p{background:var(--pending)}i.m{background:var(--maint)}i.e{background:var(--empty)}
.beats i:focus::after,.days i:focus::after{content:attr(title);position:absolute;left:0;bottom:calc(100% + 6px);z-index:2;max-width:100%;padding:4px 8px;border-radius:6px;background:var(--text);color:var(--bg);font-size:.8em;font-style:normal;line-height:1.3}
.beats i:focus::after{bottom:auto;top:calc(100% + 6px)}
.range{display:flex;justify-content:space-between;margin:2px 0 0;color:var(--muted);font-size:.75em}
.range::before{content:"${HISTORY_DAYS} days ago"}.range::after{content:"Today"}
footer{text-align:center;color:var(--muted);font-size:.9em;margin-top:24px}
footer p{margin:4px 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (max-width:600px){.row{grid-template-columns:minmax(0,1fr)}header h1{font-size:1.4em}.monitors>li{contain-intrinsic-size:auto 132px}}
`
  .trim()
  .replace(/\n/g, '');
