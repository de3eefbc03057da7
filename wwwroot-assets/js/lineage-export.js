// PNG export of the lineage explorer: the server's SVG export rasterised into a canvas here in the browser, so the
// server needs no image library. The SVG is self-contained (no external fonts or images), which keeps the canvas clean.

// Chromium refuses canvases over 32,767 px a side or about 268 M pixels; stay well inside both, a 2,000-node graph is
// far taller than that and is scaled down to fit.
const maxSide = 16384;
const maxPixels = 64_000_000;

export async function downloadPng(svgUrl, fileName, scale) {
  const response = await fetch(svgUrl, { headers: { Accept: 'image/svg+xml' } });
  if (!response.ok) {
    throw new Error(`the SVG export answered ${response.status} ${response.statusText}`);
  }

  const svgUrlObject = URL.createObjectURL(new Blob([await response.text()], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(svgUrlObject);
    const width = image.naturalWidth || 1;
    const height = image.naturalHeight || 1;
    const factor = Math.min(scale || 2, maxSide / width, maxSide / height, Math.sqrt(maxPixels / (width * height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * factor));
    canvas.height = Math.max(1, Math.floor(height * factor));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise((resolve, reject) =>
      canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
    save(png, fileName);
    return { width: canvas.width, height: canvas.height, bytes: png.size };
  } finally {
    URL.revokeObjectURL(svgUrlObject);
  }
}

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not read the SVG export as an image'));
    image.src = url;
  });
}

function save(blob, fileName) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the object URL by now; keep it a while for slow disks, then free the memory.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
