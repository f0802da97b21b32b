using Dcsc.Dictionary;

namespace Dcsc.Match;

/// <summary>What <c>dcsc match</c> needs to know about a Transfer Syntax beyond its name.</summary>
public static class TransferSyntaxKinds
{
    /// <summary>Implicit VR Little Endian, the Default Transfer Syntax for DICOM (PS3.5 §10.1).</summary>
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";

    /// <summary>
    /// Transfer Syntaxes whose encoding process is, or may be, lossy (irreversible), after PS3.5 §8.2 (Native or
    /// Encapsulated Format Encoding) and Annex A.4 (Transfer Syntaxes for Encapsulation of Encoded Pixel Data):
    /// the JPEG processes other than the lossless ones (Processes 14, 15, 28, 29), JPEG-LS Near-Lossless,
    /// JPEG 2000, JPEG 2000 Part 2 and High-Throughput JPEG 2000 without the "Lossless Only" restriction,
    /// JPEG XL (not "Lossless"), and every MPEG-2, MPEG-4 AVC/H.264 and HEVC/H.265 video syntax, including
    /// their fragmentable variants (<c>.1</c> suffix). JPIP Referenced syntaxes carry no pixel data and are
    /// not listed.
    /// </summary>
    public static readonly IReadOnlySet<string> Lossy = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.840.10008.1.2.4.50", // JPEG Baseline (Process 1)
        "1.2.840.10008.1.2.4.51", // JPEG Extended (Process 2 & 4)
        "1.2.840.10008.1.2.4.52", "1.2.840.10008.1.2.4.53", "1.2.840.10008.1.2.4.54", "1.2.840.10008.1.2.4.55",
        "1.2.840.10008.1.2.4.56", "1.2.840.10008.1.2.4.59", "1.2.840.10008.1.2.4.60", "1.2.840.10008.1.2.4.61",
        "1.2.840.10008.1.2.4.62", "1.2.840.10008.1.2.4.63", "1.2.840.10008.1.2.4.64", // retired lossy JPEG processes
        "1.2.840.10008.1.2.4.81", // JPEG-LS Lossy (Near-Lossless)
        "1.2.840.10008.1.2.4.91", // JPEG 2000 Image Compression
        "1.2.840.10008.1.2.4.93", // JPEG 2000 Part 2 Multi-component Image Compression
        "1.2.840.10008.1.2.4.112", // JPEG XL
        "1.2.840.10008.1.2.4.203", // High-Throughput JPEG 2000 Image Compression
        "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101", // MPEG2 Main Profile Main/High Level
        "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103", "1.2.840.10008.1.2.4.104", // MPEG-4 AVC/H.264
        "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106",
        "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108", // HEVC/H.265
    };

    public static bool IsLossy(string uid) =>
        Lossy.Contains(uid) || (uid.EndsWith(".1", StringComparison.Ordinal) && Lossy.Contains(uid[..^2]) && uid.StartsWith("1.2.840.10008.1.2.4.10", StringComparison.Ordinal));

    public static bool IsRetired(string uid) => DicomDictionary.Standard.FindUid(uid) is { Type: UidType.TransferSyntax, Retired: true };
}
