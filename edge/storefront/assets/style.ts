// The one stylesheet: mobile first, one column widening to a grid; colours keep a contrast of at
// least 4.5:1 on white; every control has a visible focus ring and a tap target of 44 px.
export const STYLE = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#0b57d0}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #b3261e;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.top{background:#12355b;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header.top a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
header.top nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
header.top nav a,header.top nav button{display:inline-block;min-height:44px;padding:.6rem .25rem;color:#fff;background:none;border:0;font:inherit;text-decoration:underline;cursor:pointer}
form.search{flex:1 1 100%;display:flex;gap:.25rem;position:relative;order:3}
form.home-search{position:relative;display:flex;flex-wrap:wrap;gap:.25rem;max-width:40rem}
form.home-search label{flex:1 1 100%}
form.home-search input{flex:1;min-width:0}
form.search input{flex:1;min-width:0}
main{padding:1rem;max-width:72rem;margin:0 auto}
footer{padding:1rem;text-align:center;color:#4a4a4a;border-top:1px solid #ddd}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem}
input,select,textarea,button{font:inherit;min-height:44px;padding:.5rem .75rem;border:1px solid #6b6b6b;border-radius:6px;background:#fff;color:#1a1a1a}
button,.button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer;text-decoration:none;display:inline-block;border-radius:6px;padding:.6rem 1rem}
button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#b3261e;border-color:#b3261e}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.field-error,.error{color:#b3261e}
.notice{background:#e8f0fe;border-left:4px solid #0b57d0;padding:.75rem 1rem;margin:1rem 0}
.alert{background:#fce8e6;border-left:4px solid #b3261e;padding:.75rem 1rem;margin:1rem 0}
[aria-invalid=true]{border-color:#b3261e;border-width:2px}
ul.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:1rem}
.card{border:1px solid #ddd;border-radius:8px;padding:.75rem;height:100%}
.card img{width:100%;aspect-ratio:1;object-fit:contain;background:#f3f3f3}
.card a{text-decoration:none;color:inherit}
.card h2{font-size:1rem;margin:.25rem 0}
a.card{display:block}
.price{font-weight:700;font-size:1.1rem}
.prices{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:.4rem}
.mrp{color:#4a4a4a;text-decoration:line-through}
.discount{color:#146c2e;font-weight:600}
.low{color:#b3261e;font-weight:600}
.in{color:#146c2e}
em{font-style:normal;background:#fff3b0}
.facets fieldset{border:1px solid #ddd;border-radius:8px;margin:0 0 1rem}
.facets ul{list-style:none;margin:0;padding:0}
.facets li a{display:inline-block;min-height:44px;padding:.6rem 0}
.pager ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.pager a,.pager span{display:inline-block;min-width:44px;min-height:44px;padding:.6rem;text-align:center}
.pager [aria-current]{font-weight:700;border:2px solid #12355b;border-radius:6px}
.gallery img{width:100%;max-width:28rem;aspect-ratio:1;object-fit:contain;background:#f3f3f3}
.thumbs{display:flex;gap:.5rem;overflow-x:auto}
.thumbs img{width:4rem;height:4rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ddd;vertical-align:top}
ol.timeline{padding-left:1.25rem}
ol.timeline li{margin:.25rem 0}
.suggestions{position:absolute;top:100%;left:0;right:0;background:#fff;color:#1a1a1a;border:1px solid #6b6b6b;list-style:none;margin:0;padding:0;z-index:5}
.suggestions [role=option]{padding:.6rem .75rem;min-height:44px;cursor:pointer}
.suggestions [role=option]:hover,.suggestions [aria-selected=true]{background:#e8f0fe}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.inline{display:inline}
.choice{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
.choice input{flex:none;width:1.25rem;height:1.25rem;min-height:0;margin:0;padding:0}
.choice label{margin:0;padding:.6rem 0;min-height:44px;font-weight:400}
@media (min-width:48rem){
  form.search{flex:1 1 auto;order:0;max-width:32rem}
  .layout{display:grid;grid-template-columns:16rem 1fr;gap:1.5rem}
  .product{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
}
`;
