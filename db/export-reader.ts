// The second, narrower door to the database: the export worker thread's. It holds only the reader,
// so a worker starts without loading the rest of the store.
export { openSignatureReader, type ExportedSignature } from "./sqlite/signature-reader";
