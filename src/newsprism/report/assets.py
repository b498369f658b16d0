"""The inline CSS and script of the HTML report (no external assets: it must work offline).

Kept apart from the markup so the web app can serve the same look
(``newsprism.report.html`` re-exports both).
"""

REPORT_CSS = """
:root{--ink:#1d232b;--muted:#5b6570;--line:#d9dee3;--bg:#fff;--soft:#f5f7f9;--accent:#1f5fae;
--ev:#fff1a8;--co:#ffd0cc;--fl:#ffdcae;--at:#d6e8ff;--fr:#eadcff;--br:#d7f5d5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
.np-page{max-width:1180px;margin:0 auto;padding:24px 28px 80px}
.np-page>header h1{margin:0 0 4px;font-size:26px}
.np-muted,.np-meta{color:var(--muted);font-size:13px}
.np-story{border-top:3px solid var(--ink);margin-top:28px;padding-top:8px}
.np-story>h2{font-size:24px;margin:6px 0 2px}
.np-story h3{font-size:17px;margin:26px 0 8px;padding-bottom:3px;border-bottom:1px solid var(--line)}
.np-story h4{margin:10px 0 6px;font-size:15px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{border:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.np-brief ol{padding-left:22px;margin:0}
.np-brief li{margin:0 0 7px}
.np-chip{display:inline-block;font-size:11.5px;line-height:1;padding:3px 5px;margin-left:3px;border-radius:9px;
background:#e8eef6;color:var(--accent);vertical-align:1px;font-weight:600}
.np-chip:hover{background:var(--accent);color:#fff;text-decoration:none}
.np-gen{font-style:italic}
.np-matrix td,.np-matrix th{text-align:center}
th{overflow-wrap:anywhere}
.np-matrix td:first-child,.np-matrix th:first-child{text-align:left}
.np-cell{display:inline-block;min-width:22px;padding:1px 5px;border-radius:4px;font-weight:700}
.np-direct{background:#d8f0d5;color:#1d5a1a}
.np-relay{background:#fde6c4;color:#7a4300}
.np-dup{background:#e5e5e5;color:#444}
.np-legend{font-size:12.5px;color:var(--muted);margin-top:5px}
.np-status{font-size:11.5px;padding:1px 6px;border-radius:8px;background:var(--soft);border:1px solid var(--line);white-space:nowrap}
.np-status-planned,.np-status-threatened{background:#eef3ff;border-color:#a9bfe8;color:#1f4d91}
.np-status-denied,.np-status-unclear{background:#fff3e5;border-color:#e7be86}
.np-timeline ol{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
.np-timeline li.np-day{position:relative;padding:0 0 10px 18px}
.np-timeline li.np-day:before{content:"";position:absolute;left:-8px;top:6px;width:13px;height:13px;border-radius:50%;background:var(--ink)}
.np-timeline li.np-planned:before{background:#fff;border:3px solid #1f4d91}
.np-timeline time{font-weight:700;margin-right:6px}
.np-timeline ul{margin:2px 0 0;padding-left:18px}
.np-conflict{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:0 0 12px}
.np-sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:10px}
.np-side{background:var(--soft);border-radius:5px;padding:7px 10px}
.np-value{font-size:16px;font-weight:700}
.np-side blockquote{margin:5px 0 0;padding-left:8px;border-left:3px solid var(--line);font-size:13px;color:#333}
.np-loaded{background:#ffe0e0;border-bottom:2px solid #c0392b;padding:0 2px}
.np-flag-kind{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#fff3e5;border:1px solid #e7be86;border-radius:4px;padding:0 4px}
.np-flags li{margin-bottom:6px}
.np-article{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:0 0 14px}
.np-article h4{margin:0}
.np-text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:15px;line-height:1.6;margin-top:8px}
mark.hl{background:transparent;color:inherit;border-radius:2px}
mark.hl-brief,mark.hl-event{background:var(--ev)}
mark.hl-attribution{background:var(--at)}
mark.hl-framing{background:var(--fr)}
mark.hl-conflict{background:var(--co)}
mark.hl-flag{background:var(--fl)}
mark.hl:target,mark.np-flash{outline:2px solid #e67e00;background:#ffd36b;scroll-margin-top:80px}
.np-article:target,.np-article.np-flash{outline:2px solid #e67e00}
details summary{cursor:pointer;margin-top:3px}
details ul{margin:4px 0;padding-left:18px;font-size:13px}
.np-toc{margin:8px 0 0;padding-left:20px}
.np-empty{color:var(--muted);font-style:italic}
"""

REPORT_JS = """
(function(){
  function flash(id){
    document.querySelectorAll('.np-flash').forEach(function(x){x.classList.remove('np-flash');});
    var t=document.getElementById(id);
    if(!t){return;}
    t.classList.add('np-flash');
    document.querySelectorAll('[data-for="'+id+'"]').forEach(function(x){x.classList.add('np-flash');});
  }
  document.addEventListener('click',function(e){
    var a=e.target.closest?e.target.closest('a[href^="#"]'):null;
    if(a){flash(decodeURIComponent(a.getAttribute('href').slice(1)));}
  });
  if(location.hash){flash(decodeURIComponent(location.hash.slice(1)));}
})();
"""
