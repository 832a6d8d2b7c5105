// How `npm start` runs the server process; the benchmarks run it the same way. Cluster workers inherit
// these flags.
export const serverNodeArgs = [
  '--enable-source-maps',
  // A larger young generation: under load most garbage dies young, and fewer scavenges cost less
  // (against the default 16 MB, the server's CPU per check-in fell by about a sixth in the benchmarks).
  '--max-semi-space-size=32',
];
