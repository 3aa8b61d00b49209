// Preloaded (NODE_OPTIONS=--require) into the screening CLI by bench/screen.ts: reports the process's
// peak resident memory when it exits, on a line of its own that the bench reads.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
