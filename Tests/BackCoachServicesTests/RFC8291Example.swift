/// The worked example of RFC 8291: §5 gives the keys and the message, Appendix A every value on the way.
/// Transcribed from the specification's source text (the webpush-wg draft that was published as RFC 8291), with the
/// line wrapping removed as Appendix A says it may be. Nothing here was computed by the code under test.
enum RFC8291Example {
    static let plaintext = "When I grow up, I want to be a watermelon"
    static let plaintextBase64URL = "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0byBiZSBhIHdhdGVybWVsb24"

    static let applicationServerPublicKey =
        "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIg" + "Dll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"
    static let applicationServerPrivateKey = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"
    static let userAgentPublicKey =
        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx" + "aOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
    static let userAgentPrivateKey = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"
    static let salt = "DGv6ra1nlYgDCS1FRnbzlw"
    static let authSecret = "BTBZMqHH6r4Tts7J_aSIgg"
    static let recordSize: UInt32 = 4096

    static let ecdhSecret = "kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs"
    static let keyCombiningPRK = "Snr3JMxaHVDXHWJn5wdC52WjpCtd2EIEGBykDcZW32k"
    static let keyInfo =
        "V2ViUHVzaDogaW5mbwAEJXGyvs3942BVGq8e0PTNNmwR" + "zr5VX4m8t7GGpTM5FzFo7OLr4BhZe9MEebhuPI-OztV3"
        + "ylkYfpJGmQ22ggCLDgT-M_SrDepxkU21WCP3O1SUj0Ew" + "bZIHMtu5pZpTKGSCIA5Zent7wmC6HCJ5mFgJkuk5cwAv" + "MBKiiujwa7t45ewP"
    static let inputKeyingMaterial = "S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg"
    static let contentPRK = "09_eUZGrsvxChDCGRCdkLiDXrReGOEVeSCdCcPBSJSc"
    static let contentEncryptionKeyInfo = "Q29udGVudC1FbmNvZGluZzogYWVzMTI4Z2NtAA"
    static let contentEncryptionKey = "oIhVW04MRdy2XN9CiKLxTg"
    static let nonceInfo = "Q29udGVudC1FbmNvZGluZzogbm9uY2UA"
    static let nonce = "4h_95klXJ5E_qnoN"

    /// "The salt, record size of 4096, and application server public key produce an 86 octet header of ..."
    static let header =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z" + "9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" + "mlMoZIIgDll6e3vCYLocInmYWAmS6Tlz" + "AC8wEqKK6PBru3jl7A8"
    /// The plaintext with its 0x02 delimiter appended.
    static let delimitedPlaintext = "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0" + "byBiZSBhIHdhdGVybWVsb24C"
    /// The AES-GCM output, tag included.
    static let ciphertext = "8pfeW0KbunFT06SuDKoJH9Ql87S1QUrd" + "irN6GcG7sFz1y1sqLgVi1VhjVkHsUoEs" + "bI_0LpXMuGvnzQ"
    /// The request body of §5. (Its example request says Content-Length: 145; the body is 144 octets, 86 + 58.)
    static let body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
        + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
        + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"
}
