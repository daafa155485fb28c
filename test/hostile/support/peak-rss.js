// Preloaded into a child idcgen process (`node -r peak-rss.js ...`): on exit, however it exits,
// write the process's peak resident set size in KiB to the file named by IDCGEN_PEAK_RSS_FILE.
const fs = require('node:fs');

process.on('exit', () => {
  fs.writeFileSync(process.env.IDCGEN_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
