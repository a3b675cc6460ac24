"use strict";(self.rspackChunkmnistlab_labextension=self.rspackChunkmnistlab_labextension||[]).push([[266],{646(e,n,t){var o=t(601),r=t.n(o),a=t(314),i=(t.n(a))()(r());i.push([e.id,`/* mnistlab: the notice on a widget whose kernel is gone (src/index.js). Lab's theme
   variables keep it readable in the light and the dark theme. */

.mnl-KernelGone-notice {
  box-sizing: border-box;
  max-width: 48em;
  margin: 4px 0 8px;
  padding: 8px 14px;
  border-left: 4px solid var(--jp-warn-color1, #f57c00);
  border-radius: 2px;
  background: var(--jp-warn-color3, #fff3e0);
  color: var(--jp-ui-font-color0, #000);
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-ui-font-size2, 15px);
  line-height: 1.6;
  white-space: normal;
  /* Korean breaks between words, as it is read; a long token may still wrap. */
  word-break: keep-all;
  overflow-wrap: anywhere;
}

.mnl-KernelGone-notice strong {
  display: block;
}

.mnl-KernelGone-notice p {
  margin: 2px 0 0;
}

.mnl-KernelGone-notice .mnl-KernelGone-action {
  font-weight: 600;
}

/* 1. In place of "model not found": the notice, then the saved picture, faded. */
.mnl-KernelGone-snapshot {
  display: block;
  max-width: 100%;
  height: auto;
  opacity: 0.7;
}

/* 2. Over a live view whose kernel is gone: the notice stays in sight while the
   learner scrolls past a tall widget; a veil keeps clicks off the dead controls. */
.jp-OutputArea-output.mnl-KernelGone-disconnected {
  position: relative;
}

.mnl-KernelGone-disconnected > .mnl-KernelGone-notice {
  position: sticky;
  top: 4px;
  z-index: 11;
  box-shadow: var(--jp-elevation-z4, 0 2px 4px rgba(0, 0, 0, 0.2));
}

.mnl-KernelGone-veil {
  position: absolute;
  inset: 0;
  z-index: 10;
  background: var(--jp-layout-color0, #fff);
  opacity: 0.45;
  cursor: not-allowed;
}

/* mnistlab widgets (src/a11y.js): a visible focus ring on every control, 3:1 or more
   against the page (#1565c0 on white 5.8:1), outside the control so it is never clipped. */
.mnistlab-explorer :focus-visible,
.mnistlab-explorer .noUi-handle:focus,
.mnistlab-explorer select:focus,
.mnistlab-explorer canvas:focus {
  outline: 3px solid #1565c0;
  outline-offset: 2px;
}
`,""]),t.d(n,{},{A:i})},314(e){e.exports=function(e){var n=[];return n.toString=function(){return this.map(function(n){var t="",o=void 0!==n[5];return n[4]&&(t+="@supports (".concat(n[4],") {")),n[2]&&(t+="@media ".concat(n[2]," {")),o&&(t+="@layer".concat(n[5].length>0?" ".concat(n[5]):""," {")),t+=e(n),o&&(t+="}"),n[2]&&(t+="}"),n[4]&&(t+="}"),t}).join("")},n.i=function(e,t,o,r,a){"string"==typeof e&&(e=[[null,e,void 0]]);var i={};if(o)for(var s=0;s<this.length;s++){var l=this[s][0];null!=l&&(i[l]=!0)}for(var c=0;c<e.length;c++){var p=[].concat(e[c]);o&&i[p[0]]||(void 0!==a&&(void 0===p[5]||(p[1]="@layer".concat(p[5].length>0?" ".concat(p[5]):""," {").concat(p[1],"}")),p[5]=a),t&&(p[2]&&(p[1]="@media ".concat(p[2]," {").concat(p[1],"}")),p[2]=t),r&&(p[4]?(p[1]="@supports (".concat(p[4],") {").concat(p[1],"}"),p[4]=r):p[4]="".concat(r)),n.push(p))}},n}},601(e){e.exports=function(e){return e[1]}},665(e,n,t){t.r(n);var o=t(72),r=t.n(o),a=t(825),i=t.n(a),s=t(659),l=t.n(s),c=t(56),p=t.n(c),u=t(540),d=t.n(u),f=t(113),m=t.n(f),h=t(646),v={};v.styleTagTransform=m(),v.setAttributes=p(),v.insert=l().bind(null,"head"),v.domAPI=i(),v.insertStyleElement=d(),r()(h.A,v);let b=h.A&&h.A.locals?h.A.locals:void 0;t.d(n,{},{default:b})},72(e){var n=[];function t(e){for(var t=-1,o=0;o<n.length;o++)if(n[o].identifier===e){t=o;break}return t}function o(e,o){for(var r={},a=[],i=0;i<e.length;i++){var s=e[i],l=o.base?s[0]+o.base:s[0],c=r[l]||0,p="".concat(l," ").concat(c);r[l]=c+1;var u=t(p),d={css:s[1],media:s[2],sourceMap:s[3],supports:s[4],layer:s[5]};if(-1!==u)n[u].references++,n[u].updater(d);else{var f=function(e,n){var t=n.domAPI(n);return t.update(e),function(n){n?(n.css!==e.css||n.media!==e.media||n.sourceMap!==e.sourceMap||n.supports!==e.supports||n.layer!==e.layer)&&t.update(e=n):t.remove()}}(d,o);o.byIndex=i,n.splice(i,0,{identifier:p,updater:f,references:1})}a.push(p)}return a}e.exports=function(e,r){var a=o(e=e||[],r=r||{});return function(e){e=e||[];for(var i=0;i<a.length;i++){var s=t(a[i]);n[s].references--}for(var l=o(e,r),c=0;c<a.length;c++){var p=t(a[c]);0===n[p].references&&(n[p].updater(),n.splice(p,1))}a=l}}},659(e){var n={};e.exports=function(e,t){var o=function(e){if(void 0===n[e]){var t=document.querySelector(e);if(window.HTMLIFrameElement&&t instanceof window.HTMLIFrameElement)try{t=t.contentDocument.head}catch(e){t=null}n[e]=t}return n[e]}(e);if(!o)throw Error("Couldn't find a style target. This probably means that the value for the 'insert' parameter is invalid.");o.appendChild(t)}},540(e){e.exports=function(e){var n=document.createElement("style");return e.setAttributes(n,e.attributes),e.insert(n,e.options),n}},56(e,n,t){e.exports=function(e){var n=t.nc;n&&e.setAttribute("nonce",n)}},825(e){e.exports=function(e){if("u"<typeof document)return{update:function(){},remove:function(){}};var n=e.insertStyleElement(e);return{update:function(t){var o,r,a;o="",t.supports&&(o+="@supports (".concat(t.supports,") {")),t.media&&(o+="@media ".concat(t.media," {")),(r=void 0!==t.layer)&&(o+="@layer".concat(t.layer.length>0?" ".concat(t.layer):""," {")),o+=t.css,r&&(o+="}"),t.media&&(o+="}"),t.supports&&(o+="}"),(a=t.sourceMap)&&"u">typeof btoa&&(o+="\n/*# sourceMappingURL=data:application/json;base64,".concat(btoa(unescape(encodeURIComponent(JSON.stringify(a))))," */")),e.styleTagTransform(o,n,e.options)},remove:function(){var e;null===(e=n).parentNode||e.parentNode.removeChild(e)}}}},113(e){e.exports=function(e,n){if(n.styleSheet)n.styleSheet.cssText=e;else{for(;n.firstChild;)n.removeChild(n.firstChild);n.appendChild(document.createTextNode(e))}}}}]);