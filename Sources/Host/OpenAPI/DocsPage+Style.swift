extension DocsPage {
    /// The page's stylesheet: light and dark through `prefers-color-scheme`, one column on a phone.
    /// Served inline and allowed by its hash in the Content-Security-Policy.
    static let style = #"""
:root{color-scheme:light dark;--bg:#fff;--fg:#1c2230;--muted:#5b6474;--line:#e2e5eb;--panel:#f6f7f9;--code:#eef1f5;--accent:#2958d8;
--get:#17794a;--post:#2958d8;--patch:#935f00;--put:#6f45c9;--delete:#bf3029;--ok:#17794a;--warn:#935f00;--bad:#bf3029;--str:#0b6e4f;--num:#8a4b00;--key:#27408b}
@media (prefers-color-scheme:dark){:root{--bg:#11141a;--fg:#e3e6ed;--muted:#99a2b2;--line:#2a303b;--panel:#181c24;--code:#1e232d;--accent:#82a6ff;
--get:#4cc38a;--post:#82a6ff;--patch:#e3b552;--put:#b89dff;--delete:#ff7b72;--ok:#4cc38a;--warn:#e3b552;--bad:#ff7b72;--str:#7ee0b5;--num:#f2c27b;--key:#a9c1ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
code,pre,.path,input,select,textarea{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
p{margin:.4em 0}
code{background:var(--code);padding:1px 4px;border-radius:4px}
pre{background:var(--code);padding:10px 12px;border-radius:6px;overflow:auto;margin:6px 0;max-height:420px}
pre code{background:none;padding:0}
input,select,textarea{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:6px 8px;max-width:100%}
input:focus,select:focus,textarea:focus{outline:2px solid var(--accent);outline-offset:-1px}
button{font:inherit;font-weight:600;background:var(--accent);color:var(--bg);border:0;border-radius:6px;padding:7px 16px;cursor:pointer}
button:disabled{opacity:.6;cursor:progress}
header.top{display:flex;flex-wrap:wrap;gap:10px 24px;align-items:center;justify-content:space-between;padding:12px 20px;background:var(--panel);border-bottom:1px solid var(--line)}
header.top h1{font-size:19px;margin:0}
.version{color:var(--muted);font-size:13px;margin-left:8px}
.auth{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;font-size:13px}
.auth input[type=password]{width:19em}
.check{display:inline-flex;gap:4px;align-items:center;color:var(--muted)}
.layout{display:grid;grid-template-columns:270px minmax(0,1fr);max-width:1320px;margin:0 auto}
nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:14px 14px 40px;border-right:1px solid var(--line)}
nav input[type=search]{width:100%;margin-bottom:4px}
.found{color:var(--muted);font-size:12px;margin:0 0 10px}
nav ul{list-style:none;margin:0;padding:0}
.nav-group>a{display:block;font-weight:600;margin-top:10px;text-transform:capitalize}
.nav-op a{display:flex;gap:6px;padding:1px 0 1px 6px;color:var(--fg);font-size:12.5px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.nav-op .method{min-width:3.6em}
main{padding:18px 24px 80px;min-width:0}
.intro{border:1px solid var(--line);border-radius:8px;padding:6px 16px 10px;margin-bottom:22px;background:var(--panel)}
.intro h2{font-size:16px;margin:12px 0 4px}
.group h2{font-size:18px;text-transform:capitalize;margin:26px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
.count{color:var(--muted);font-weight:400;font-size:13px;text-transform:none}
details.op{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:var(--bg)}
details.op>summary{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;padding:8px 12px;cursor:pointer;list-style:none}
details.op>summary::-webkit-details-marker{display:none}
details.op[open]>summary{border-bottom:1px solid var(--line);background:var(--panel);border-radius:8px 8px 0 0}
.path{font-weight:600;word-break:break-all}
.summary{color:var(--muted);flex:1 1 16em}
.method{display:inline-block;font:700 11px/1.8 ui-monospace,Menlo,Consolas,monospace;color:var(--m);text-align:left;min-width:4.8em}
.method.get{--m:var(--get)}.method.post{--m:var(--post)}.method.patch{--m:var(--patch)}.method.put{--m:var(--put)}.method.delete{--m:var(--delete)}
summary .method{border:1px solid var(--m);border-radius:4px;text-align:center;padding:0 4px}
.op-body{padding:4px 14px 14px}
.op-body h3{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:16px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:12px}
.req{color:var(--bad);font-size:11px;margin-left:4px}
.type{color:var(--accent);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.rule{display:inline-block;color:var(--muted);font-size:12px;margin-right:8px}
.schema ul{list-style:none;margin:2px 0 2px 2px;padding-left:14px;border-left:2px solid var(--line)}
.schema li{margin:3px 0}
.schema .name{font-weight:600;background:none;padding:0}
.schema details>summary{cursor:pointer}
.desc{color:var(--muted);font-size:13px}
.resp{border-top:1px dashed var(--line);padding:5px 0}
.resp:first-of-type{border-top:0}
.resp>summary{cursor:pointer}
.resp>summary .type{margin-left:4px}
.resp>.schema,.resp>pre,.resp>p,.resp>div{margin-left:22px}
.status{display:inline-block;font:700 12px ui-monospace,Menlo,Consolas,monospace;padding:1px 6px;border-radius:4px;border:1px solid currentColor;margin-right:6px}
.s2{color:var(--ok)}.s3{color:var(--accent)}.s4{color:var(--warn)}.s5{color:var(--bad)}
.try{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--panel)}
.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px 12px;margin-bottom:8px}
.fields label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.try textarea{width:100%;min-height:8em;resize:vertical}
.actions{display:flex;gap:12px;align-items:center;margin-top:8px;flex-wrap:wrap}
.hint{color:var(--muted);font-size:12px}
.result{margin-top:10px}
.result dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 12px;font:12px ui-monospace,Menlo,Consolas,monospace;margin:6px 0}
.result dt{color:var(--muted)}.result dd{margin:0;word-break:break-all}
.j-key{color:var(--key)}.j-str{color:var(--str)}.j-num{color:var(--num)}.j-lit{color:var(--put)}
.error{color:var(--bad)}
[hidden]{display:none!important}
@media (max-width:820px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}
.nav-op{display:none}.nav-group{display:inline-block;margin-right:14px}main{padding:14px 12px 60px}header.top{padding:10px 12px}.auth input[type=password]{width:100%}}
"""#
}
