/* Submission upload: drag and drop with instant previews, and the server's limits (size per image, number of
 * images, image and video types, the video's size) checked before anything is sent, so a 40 MB photo is refused at
 * once, not after uploading. A video goes in its own field, is previewed in a player, and is sent with a progress
 * bar (XMLHttpRequest reports upload progress; the server still checks everything again). */
(() => {
  "use strict";
  const zone = document.getElementById("dropzone");
  if (!zone) return;
  const input = document.getElementById("images");
  const videoInput = document.getElementById("video");
  const previews = document.getElementById("previews");
  const error = document.getElementById("upload-error");
  const progress = document.getElementById("upload-progress");
  const form = zone.closest("form");
  const maxBytes = Number(zone.dataset.maxBytes);
  const maxImages = Number(zone.dataset.maxImages);
  const maxVideoBytes = Number(zone.dataset.maxVideoBytes);
  const imageTypes = ["image/jpeg", "image/png", "image/webp"];
  const videoTypes = ["video/mp4", "video/quicktime", "video/webm"];
  const isVideo = (file) => videoTypes.includes(file.type) || /\.(mp4|mov|webm)$/i.test(file.name);
  const megabytes = (bytes) => (bytes / (1024 * 1024)).toFixed(1) + " MB";

  const problems = (files) => {
    const found = [];
    const videos = files.filter(isVideo);
    if (videos.length) {
      if (files.length > 1) found.push("Choose images or one video, not both or several videos.");
      else if (maxVideoBytes && videos[0].size > maxVideoBytes) {
        found.push(`${videos[0].name} is ${megabytes(videos[0].size)}; a video may be at most ${megabytes(maxVideoBytes)}.`);
      }
      return found;
    }
    if (maxImages && files.length > maxImages) found.push(`Choose at most ${maxImages} images (${files.length} chosen).`);
    for (const file of files) {
      if (!imageTypes.includes(file.type)) {
        found.push(`${file.name} is not a JPEG, PNG or WebP image, or an MP4, MOV or WebM video.`);
      } else if (maxBytes && file.size > maxBytes) {
        found.push(`${file.name} is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)} per image.`);
      }
    }
    return found;
  };

  const chosen = () => [...input.files, ...videoInput.files];

  const place = (files) => {
    // A video travels in its own field; images in theirs.
    const images = new DataTransfer(), video = new DataTransfer();
    for (const file of files) (isVideo(file) ? video : images).items.add(file);
    input.files = images.files;
    videoInput.files = video.files;
  };

  const show = (files) => {
    previews.replaceChildren();
    const found = problems(files);
    error.textContent = found.join(" ");
    zone.classList.toggle("is-invalid", found.length > 0);
    if (found.length) {
      input.value = "";  // nothing refused is sent
      videoInput.value = "";
      return;
    }
    place(files);
    for (const file of files) {
      const url = URL.createObjectURL(file);
      if (isVideo(file)) {
        const video = document.createElement("video");
        video.src = url; video.controls = true; video.muted = true; video.playsInline = true; video.preload = "metadata";
        video.setAttribute("aria-label", file.name);
        const note = document.createElement("div");
        note.className = "small text-body-secondary w-100";
        note.textContent = `${file.name} · ${megabytes(file.size)}`;
        video.addEventListener("loadedmetadata", () => {
          note.textContent = `${file.name} · ${megabytes(file.size)} · ${video.videoWidth} × ${video.videoHeight} · ${video.duration.toFixed(1)} s`;
        });
        previews.append(video, note);
      } else {
        const img = document.createElement("img");
        img.alt = file.name;
        img.className = "upload-preview";
        img.src = url;
        img.onload = () => URL.revokeObjectURL(url);
        previews.appendChild(img);
      }
    }
  };
  zone.addEventListener("click", (e) => { if (e.target.tagName !== "VIDEO") input.click(); });
  zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("dragover"); }));
  ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.remove("dragover"); }));
  zone.addEventListener("drop", (e) => show([...e.dataTransfer.files]));
  input.addEventListener("change", () => show([...input.files]));
  videoInput.addEventListener("change", () => show([...videoInput.files]));

  const bar = progress.querySelector(".progress-bar");
  const showProgress = (loaded, total) => {
    const percent = Math.round((100 * loaded) / total);
    bar.style.width = `${percent}%`;
    bar.textContent = percent < 100 ? `${percent}% uploaded` : "Checking the video…";
    progress.setAttribute("aria-valuenow", String(percent));
  };
  const busy = (on) => {
    progress.classList.toggle("d-none", !on);
    form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = on; });
  };

  // A large video goes up in pieces (the tus protocol, tus-js-client): a dropped connection resumes where it
  // stopped (retries, and after a reload the same file picks up its earlier upload); the form then names it.
  const resumable = (file, submitter) => {
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const upload = new window.tus.Upload(file, {
      endpoint: zone.dataset.resumableUrl,
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      metadata: { filename: file.name, filetype: file.type },
      headers: { "X-CSRFToken": token },
      removeFingerprintOnSuccess: true,
      onProgress: showProgress,
      onError: (problem) => {
        error.textContent = `The upload stopped: ${problem.message || problem}. Choose the video again to resume it.`;
        busy(false);
      },
      onSuccess: () => {
        document.getElementById("video-upload").value = upload.url.replace(/\/$/, "").split("/").pop();
        videoInput.value = "";
        send(submitter);
      },
    });
    busy(true);
    upload.findPreviousUploads().then((previous) => {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  };

  form.addEventListener("submit", (e) => {
    if (problems(chosen()).length) { e.preventDefault(); show(chosen()); return; }
    if (!videoInput.files.length) return;  // images: the plain form post is quick enough
    e.preventDefault();
    const file = videoInput.files[0];
    const over = Number(zone.dataset.resumableOver || 0);
    if (window.tus && window.tus.isSupported && over && file.size > over) { resumable(file, e.submitter); return; }
    send(e.submitter);
  });

  // The form by XMLHttpRequest, which reports the upload's progress; then the page the server answers with.
  const send = (submitter) => {
    const data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    const request = new XMLHttpRequest();
    busy(true);
    request.upload.addEventListener("progress", (event) => { if (event.lengthComputable) showProgress(event.loaded, event.total); });
    request.addEventListener("load", () => {
      if (request.status < 400 && request.responseURL && request.responseURL !== window.location.href) {
        window.location.assign(request.responseURL);  // the submission page the server redirected to
        return;
      }
      document.open(); document.write(request.responseText); document.close();  // the form with its errors
    });
    request.addEventListener("error", () => {
      error.textContent = "The upload was interrupted (the connection dropped). Choose the video again and retry.";
      busy(false);
    });
    // form.action would be the buttons named "action", not the attribute
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.send(data);
  };
})();
