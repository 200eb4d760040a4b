// prongsai serve: live reload. Injected into every HTML page of the preview server only.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var events = new EventSource("/__prongsai/events");
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("failed", function (e) {
    var data;
    try {
      data = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    var box = document.getElementById("prongsai-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "prongsai-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
        "color:#fff;padding:2rem;font:16px/1.5 sans-serif";
      var h = document.createElement("h2");
      h.style.cssText = "margin-top:0;color:#ffb4a8";
      h.textContent = "สร้างเว็บไซต์ไม่สำเร็จ (build failed)";
      var p = document.createElement("p");
      p.textContent =
        "หน้าที่เห็นอยู่เป็นผลลัพธ์ที่สำเร็จครั้งล่าสุด แก้ไฟล์แล้วบันทึก หน้าจะโหลดใหม่เอง " +
        "(this is the last good build; fix the file and save, the page reloads by itself)";
      box.appendChild(h);
      box.appendChild(p);
      box.appendChild(document.createElement("pre"));
      document.body.appendChild(box);
    }
    var pre = box.querySelector("pre");
    pre.style.cssText = "white-space:pre-wrap;font:14px/1.5 monospace";
    pre.textContent = (data.errors || []).join("\n\n");
  });
})();
