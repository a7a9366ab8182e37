import XCTest

@testable import SurveyCore

/// The fast path of match keys gives exactly what full NFKC gives.
final class TextNormalizationTests: XCTestCase {
  func testTheFastPathAgreesWithNFKC() throws {
    let samples = [
      "②ＮＰ法人", "ＮＰＯ法人", "npo法人", "記入なし　", "特にありません。", "１　特になし", "成果ー予算制約", "成果―予算制約",
      "市民の主体性", "Ａｂｃ１２３", "（仮称）市民交流センター", "々〆〇「」『』【】", "ヴァイオリン", "がぎぐ", "×△〜",
      " \t記入なし\n", "ﾎﾞﾗﾝﾃｨｱ", "①講座", "㈶東京都", "Ⅲ期", "ｎｐ法人", "ＡＢＣ．", "株式会社－", "ABC。。",
    ]
    for sample in samples {
      XCTAssertEqual(TextNormalization.matchKey(sample), TextNormalization.nfkcMatchKey(sample), sample)
    }
  }
}
