/// Injected into every served HTML page (never into the built files): asks the preview for
/// its status and waits (`?since=N`, a long poll the server answers as soon as a build ends),
/// reloads when a new build is in place, and shows a failed build's errors over the last good
/// page, errors first.
enum ReloadScript {
    static let tag = """
        <script>
        (function () {
          var seen = null;
          function show(error) {
            var box = document.getElementById("lb-preview-error");
            if (!error) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("pre");
              box.id = "lb-preview-error";
              box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;margin:0;padding:12px 16px;background:#3b0d0d;color:#ffdcdc;font:13px/1.4 monospace;z-index:9999;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "Build failed — showing the last good pages.\\n\\n" + error;
          }
          function poll() {
            var failed = false, reloading = false;
            fetch("/__labbook/status" + (seen === null ? "" : "?since=" + seen), { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (s) {
                if (seen !== null && s.version !== seen && !s.error) { reloading = true; location.reload(); return; }
                seen = s.version;
                show(s.error);
              })
              .catch(function () { failed = true; })
              .then(function () {
                // Polling on while the reload is under way would call reload() again at once,
                // and every call restarts the navigation: the page would come hundreds of
                // milliseconds late.
                if (!reloading) { setTimeout(poll, failed ? 1000 : 0); }
              });
          }
          poll();
        })();
        </script>

        """
}
