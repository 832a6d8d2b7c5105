/** Node flags of the server process (see server-node-args.mjs). */
export declare const serverNodeArgs: readonly string[];
