import BackCoachCore
import Testing

@Suite("One decimal place")
struct OneDecimalTests {
    @Test("A half rounds up, as people round it; whole numbers keep their .0")
    func halvesRoundUp() {
        #expect(2.25.oneDecimal == "2.3")
        #expect((9.0 / 4).oneDecimal == "2.3")
        #expect((20.0 / 6).oneDecimal == "3.3")
        #expect(4.0.oneDecimal == "4.0")
        #expect(0.04.oneDecimal == "0.0")
    }
}
