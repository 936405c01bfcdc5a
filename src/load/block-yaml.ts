// Load: the block reader lives in ./yaml-block/; this module keeps its former import path.
export { parseBlock, LogDocAst, type BlockDoc, type BlockOptions } from "./yaml-block/index.js";
