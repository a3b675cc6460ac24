"use strict";(self.rspackChunkmnistlab_labextension=self.rspackChunkmnistlab_labextension||[]).push([[266],{646(e,t,n){var o=n(601),r=n.n(o),i=n(314),a=(n.n(i))()(r());a.push([e.id,`/* mnistlab: the notice on a widget whose kernel is gone (src/index.js). Lab's theme
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
   against the page (#1565c0 on white 5.8:1), outside the control so it is never clipped;
   !important: ipywidgets' own focus styles (a border colour only) would win otherwise, and
   its text inputs' "outline: none !important" (.jupyter-widget-text input[type='text'],
   specificity 0,2,1) needs a more specific selector to lose. */
.mnistlab-explorer :focus-visible,
.mnistlab-explorer .widget-inline-hbox input[type]:focus,
.mnistlab-explorer input[type]:focus,
.mnistlab-explorer .widget-inline-hbox textarea:focus,
.mnistlab-explorer select:focus,
.mnistlab-explorer .noUi-handle:focus,
.mnistlab-explorer canvas:focus,
.mnistlab-explorer [contenteditable='true']:focus {
  outline: 3px solid #1565c0 !important;
  outline-offset: 2px !important;
}
`,""]),n.d(t,{},{A:a})},314(e){e.exports=function(e){var t=[];return t.toString=function(){return this.map(function(t){var n="",o=void 0!==t[5];return t[4]&&(n+="@supports (".concat(t[4],") {")),t[2]&&(n+="@media ".concat(t[2]," {")),o&&(n+="@layer".concat(t[5].length>0?" ".concat(t[5]):""," {")),n+=e(t),o&&(n+="}"),t[2]&&(n+="}"),t[4]&&(n+="}"),n}).join("")},t.i=function(e,n,o,r,i){"string"==typeof e&&(e=[[null,e,void 0]]);var a={};if(o)for(var s=0;s<this.length;s++){var l=this[s][0];null!=l&&(a[l]=!0)}for(var c=0;c<e.length;c++){var p=[].concat(e[c]);o&&a[p[0]]||(void 0!==i&&(void 0===p[5]||(p[1]="@layer".concat(p[5].length>0?" ".concat(p[5]):""," {").concat(p[1],"}")),p[5]=i),n&&(p[2]&&(p[1]="@media ".concat(p[2]," {").concat(p[1],"}")),p[2]=n),r&&(p[4]?(p[1]="@supports (".concat(p[4],") {").concat(p[1],"}"),p[4]=r):p[4]="".concat(r)),t.push(p))}},t}},601(e){e.exports=function(e){return e[1]}},665(e,t,n){n.r(t);var o=n(72),r=n.n(o),i=n(825),a=n.n(i),s=n(659),l=n.n(s),c=n(56),p=n.n(c),u=n(540),d=n.n(u),f=n(113),m=n.n(f),h=n(646),v={};v.styleTagTransform=m(),v.setAttributes=p(),v.insert=l().bind(null,"head"),v.domAPI=a(),v.insertStyleElement=d(),r()(h.A,v);let b=h.A&&h.A.locals?h.A.locals:void 0;n.d(t,{},{default:b})},72(e){var t=[];function n(e){for(var n=-1,o=0;o<t.length;o++)if(t[o].identifier===e){n=o;break}return n}function o(e,o){for(var r={},i=[],a=0;a<e.length;a++){var s=e[a],l=o.base?s[0]+o.base:s[0],c=r[l]||0,p="".concat(l," ").concat(c);r[l]=c+1;var u=n(p),d={css:s[1],media:s[2],sourceMap:s[3],supports:s[4],layer:s[5]};if(-1!==u)t[u].references++,t[u].updater(d);else{var f=function(e,t){var n=t.domAPI(t);return n.update(e),function(t){t?(t.css!==e.css||t.media!==e.media||t.sourceMap!==e.sourceMap||t.supports!==e.supports||t.layer!==e.layer)&&n.update(e=t):n.remove()}}(d,o);o.byIndex=a,t.splice(a,0,{identifier:p,updater:f,references:1})}i.push(p)}return i}e.exports=function(e,r){var i=o(e=e||[],r=r||{});return function(e){e=e||[];for(var a=0;a<i.length;a++){var s=n(i[a]);t[s].references--}for(var l=o(e,r),c=0;c<i.length;c++){var p=n(i[c]);0===t[p].references&&(t[p].updater(),t.splice(p,1))}i=l}}},659(e){var t={};e.exports=function(e,n){var o=function(e){if(void 0===t[e]){var n=document.querySelector(e);if(window.HTMLIFrameElement&&n instanceof window.HTMLIFrameElement)try{n=n.contentDocument.head}catch(e){n=null}t[e]=n}return t[e]}(e);if(!o)throw Error("Couldn't find a style target. This probably means that the value for the 'insert' parameter is invalid.");o.appendChild(n)}},540(e){e.exports=function(e){var t=document.createElement("style");return e.setAttributes(t,e.attributes),e.insert(t,e.options),t}},56(e,t,n){e.exports=function(e){var t=n.nc;t&&e.setAttribute("nonce",t)}},825(e){e.exports=function(e){if("u"<typeof document)return{update:function(){},remove:function(){}};var t=e.insertStyleElement(e);return{update:function(n){var o,r,i;o="",n.supports&&(o+="@supports (".concat(n.supports,") {")),n.media&&(o+="@media ".concat(n.media," {")),(r=void 0!==n.layer)&&(o+="@layer".concat(n.layer.length>0?" ".concat(n.layer):""," {")),o+=n.css,r&&(o+="}"),n.media&&(o+="}"),n.supports&&(o+="}"),(i=n.sourceMap)&&"u">typeof btoa&&(o+="\n/*# sourceMappingURL=data:application/json;base64,".concat(btoa(unescape(encodeURIComponent(JSON.stringify(i))))," */")),e.styleTagTransform(o,t,e.options)},remove:function(){var e;null===(e=t).parentNode||e.parentNode.removeChild(e)}}}},113(e){e.exports=function(e,t){if(t.styleSheet)t.styleSheet.cssText=e;else{for(;t.firstChild;)t.removeChild(t.firstChild);t.appendChild(document.createTextNode(e))}}}}]);