/* Submission upload: drag and drop with instant previews, and the server's limits (size per image, number of
 * images, image types) checked before anything is sent, so a 40 MB photo is refused at once, not after uploading. */
(() => {
  "use strict";
  const zone = document.getElementById("dropzone");
  if (!zone) return;
  const input = document.getElementById("images");
  const previews = document.getElementById("previews");
  const error = document.getElementById("upload-error");
  const form = zone.closest("form");
  const maxBytes = Number(zone.dataset.maxBytes);
  const maxImages = Number(zone.dataset.maxImages);
  const megabytes = (bytes) => (bytes / (1024 * 1024)).toFixed(1) + " MB";

  const problems = (files) => {
    const found = [];
    if (maxImages && files.length > maxImages) found.push(`Choose at most ${maxImages} images (${files.length} chosen).`);
    for (const file of files) {
      if (!["image/jpeg", "image/png", "image/webp"].includes(file.type)) {
        found.push(`${file.name} is not a JPEG, PNG or WebP image.`);
      } else if (maxBytes && file.size > maxBytes) {
        found.push(`${file.name} is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)} per image.`);
      }
    }
    return found;
  };

  const show = (files) => {
    previews.replaceChildren();
    const found = problems(files);
    error.textContent = found.join(" ");
    zone.classList.toggle("is-invalid", found.length > 0);
    if (found.length) {
      input.value = "";  // nothing refused is sent
      return;
    }
    for (const file of files) {
      const img = document.createElement("img");
      img.alt = file.name;
      img.className = "upload-preview";
      img.src = URL.createObjectURL(file);
      img.onload = () => URL.revokeObjectURL(img.src);
      previews.appendChild(img);
    }
  };
  zone.addEventListener("click", () => input.click());
  zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("dragover"); }));
  ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.remove("dragover"); }));
  zone.addEventListener("drop", (e) => {
    const transfer = new DataTransfer();
    for (const file of e.dataTransfer.files) transfer.items.add(file);
    input.files = transfer.files;
    show(input.files);
  });
  input.addEventListener("change", () => show(input.files));
  form.addEventListener("submit", (e) => {
    if (problems(input.files).length) { e.preventDefault(); show(input.files); }
  });
})();
