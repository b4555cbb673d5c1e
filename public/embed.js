/*
 * Countersign's embed script, for partners' pages: sizes each petition frame
 * (<iframe data-countersign src="…/embed/<slug>">) to the petition's height, so it never scrolls.
 *
 * It says hello to each frame at the frame's own origin, and takes heights only from that origin
 * and that frame's window. The frame answers only the page that framed it (and, when the site
 * lists its partners, only theirs). Plain ES2017 with no build step: the message names are
 * lib/embed.ts's embedMessages, spelt out again here.
 */
(function () {
  "use strict";

  // Pasted once per frame, the script runs once; a later copy (a frame added to the page after it
  // loaded) only looks for new frames.
  if (typeof window.countersignEmbed === "function") {
    window.countersignEmbed();
    return;
  }
  var attached = new WeakSet();

  function attach(frame) {
    if (attached.has(frame)) return;
    attached.add(frame);
    // An anchor resolves the frame's address as the page would, and names its origin.
    var link = document.createElement("a");
    link.href = frame.src;
    var origin = link.origin;
    if (!/^https?:\/\//.test(origin)) return;

    function hello() {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "countersign:hello" }, origin);
    }

    window.addEventListener("message", function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== "object") return;
      if (data.type === "countersign:ready") {
        hello();
      } else if (data.type === "countersign:height" && typeof data.height === "number" && isFinite(data.height) && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + "px";
      }
    });
    frame.addEventListener("load", hello);
    // The frame may have loaded before this script ran. While it is still blank its document is
    // this page's own (readable, about:blank), and a hello would only be refused; one it hears
    // before it listens is made good by its "ready".
    var readable = frame.contentDocument;
    if (!readable || readable.URL !== "about:blank") hello();
  }

  function attachAll() {
    var frames = document.querySelectorAll("iframe[data-countersign]");
    for (var i = 0; i < frames.length; i += 1) attach(frames[i]);
  }

  window.countersignEmbed = attachAll;
  attachAll();
  // Loaded async, this may run before the parser reaches a frame further down the page.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
})();
