// How `npm start` runs the server process; the benchmarks run it the same way. Cluster workers inherit
// these flags.
export const serverNodeArgs = [
  '--enable-source-maps',
  // A larger young generation: under load most garbage dies young, and fewer scavenges cost less
  // (about a sixth of the server's time per check-in with the default 16 MB).
  '--max-semi-space-size=32',
];
