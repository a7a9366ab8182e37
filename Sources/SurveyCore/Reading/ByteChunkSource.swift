/// Where a streaming `TSVReader` gets its UTF-8 bytes: a chunk at a time, nil at the end. A chunk
/// may be a slice of the source's own buffer, valid until the next call.
public protocol ByteChunkSource: AnyObject {
  func nextChunk() throws(SurveyError) -> ArraySlice<UInt8>?
}
