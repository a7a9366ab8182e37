/// Where a streaming `TSVReader` gets its UTF-8 bytes: a chunk at a time, nil at the end.
public protocol ByteChunkSource: AnyObject {
  func nextChunk() throws(SurveyError) -> [UInt8]?
}
