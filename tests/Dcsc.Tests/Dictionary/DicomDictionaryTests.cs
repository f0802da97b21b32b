using System.Diagnostics;
using Dcsc.Dictionary;
using Xunit.Abstractions;

namespace Dcsc.Tests.Dictionary;

public class DicomDictionaryTests
{
    private static DicomDictionary D => DicomDictionary.Standard;

    private static DicomTag Tag(ushort g, ushort e) => new(g, e);

    // ---------------------------------------------------------------- loading

    [Fact]
    public void Standard_IsSingleton_AndHasEdition()
    {
        Assert.Same(DicomDictionary.Standard, DicomDictionary.Standard);
        Assert.Equal("DICOM 2022a (pydicom 2.3.1) + newer attributes (dcmjs 0.52.2) + PS3.4 2025b SOP Classes", D.Edition);
    }

    [Fact]
    public void Standard_Counts()
    {
        Assert.Equal(5179, D.AttributeCount); // 4904 exact + 88 repeating (2022a) + 187 newer from dcmjs
        Assert.Equal(88, D.RepeatingAttributeCount);
        Assert.Equal(474, D.UidCount);
        Assert.Equal(474, D.Uids.Select(u => u.Uid).Distinct().Count());
    }

    [Fact]
    public void Standard_IsThreadSafe()
    {
        var seen = new DicomDictionary[16];
        Parallel.For(0, seen.Length, i => seen[i] = DicomDictionary.Standard);
        Assert.All(seen, d => Assert.Same(seen[0], d));
    }

    // ---------------------------------------------------------------- attributes

    [Fact]
    public void PatientName()
    {
        var a = D.FindAttribute(Tag(0x0010, 0x0010));
        Assert.NotNull(a);
        Assert.Equal("00100010", a.Tag);
        Assert.Equal("(0010,0010)", a.DisplayTag);
        Assert.Equal("PatientName", a.Keyword);
        Assert.Equal("Patient's Name", a.Name);
        Assert.Equal("PN", a.Vr);
        Assert.Equal(["PN"], a.Vrs);
        Assert.Equal("1", a.Vm);
        Assert.False(a.Retired);
        Assert.False(a.IsRepeating);
        Assert.Same(a, D.FindAttributeByKeyword("PatientName"));
        Assert.Same(a, D.FindAttribute("(0010,0010)"));
    }

    [Fact]
    public void PixelData_HasTwoVrs()
    {
        var a = D.FindAttribute(Tag(0x7FE0, 0x0010));
        Assert.NotNull(a);
        Assert.Equal("PixelData", a.Keyword);
        Assert.Equal("OB or OW", a.Vr);
        Assert.Equal(["OB", "OW"], a.Vrs);
    }

    [Fact]
    public void StudyInstanceUid()
    {
        var a = D.FindAttributeByKeyword("StudyInstanceUID");
        Assert.NotNull(a);
        Assert.Equal("0020000D", a.Tag);
        Assert.Equal("UI", a.Vr);
        Assert.Same(a, D.FindAttribute(Tag(0x0020, 0x000D)));
    }

    [Fact]
    public void UsOrSs_AndRetiredEntry()
    {
        var a = D.FindAttributeByKeyword("SmallestImagePixelValue");
        Assert.NotNull(a);
        Assert.Equal(["US", "SS"], a.Vrs);
        var r = D.FindAttribute(Tag(0x0000, 0x0001)); // Command Length to End
        Assert.NotNull(r);
        Assert.True(r.Retired);
    }

    [Theory]
    [InlineData(0x6000)]
    [InlineData(0x6002)]
    [InlineData(0x601E)]
    public void OverlayData_RepeatingGroup(int group)
    {
        var a = D.FindAttribute(Tag((ushort)group, 0x3000));
        Assert.NotNull(a);
        Assert.Equal("OverlayData", a.Keyword);
        Assert.Equal("60xx3000", a.Tag);
        Assert.Equal("(60xx,3000)", a.DisplayTag);
        Assert.True(a.IsRepeating);
        Assert.Equal(["OB", "OW"], a.Vrs);
        Assert.Same(a, D.FindAttributeByKeyword("OverlayData"));
    }

    [Theory]
    [InlineData(0x6001, 0x3000)] // odd: private, never a public repeating group
    [InlineData(0x6020, 0x3000)] // outside 6000-601E
    [InlineData(0x6000, 0x3001)]
    public void OverlayData_OutsideRepeatingRange_DoesNotMatch(int group, int element) =>
        Assert.Null(D.FindAttribute(Tag((ushort)group, (ushort)element)));

    [Fact]
    public void OtherRepeaters()
    {
        Assert.Equal("CurveData", D.FindAttribute(Tag(0x5004, 0x3000))?.Keyword);
        Assert.Equal("VariablePixelData", D.FindAttribute(Tag(0x7F02, 0x0010))?.Keyword);
        Assert.Equal("EscapeTriplet", D.FindAttribute(Tag(0x1000, 0x1230))?.Keyword);
        Assert.Equal("ZonalMap", D.FindAttribute(Tag(0x1010, 0xABCD))?.Keyword);
        Assert.Equal("SourceImageIDs", D.FindAttribute(Tag(0x0020, 0x31FF))?.Keyword);
    }

    [Fact]
    public void PrivateTags_NeverMatchPublicEntries()
    {
        var creator = Tag(0x0009, 0x0010);
        Assert.True(creator.IsPrivate);
        Assert.True(creator.IsPrivateCreator);
        Assert.Null(D.FindAttribute(creator));
        Assert.Null(D.FindAttribute(Tag(0x0009, 0x1010)));
        Assert.Null(D.FindAttribute(Tag(0x0011, 0x0010)));
        Assert.False(Tag(0x0009, 0x1010).IsPrivateCreator);
        Assert.False(Tag(0x0010, 0x0010).IsPrivate);
        Assert.False(Tag(0x0010, 0x0010).IsPrivateCreator);
    }

    [Fact]
    public void UnknownPublicTag_IsNull() => Assert.Null(D.FindAttribute(Tag(0x0010, 0xFFF0)));

    [Fact]
    public void Keyword_IsCaseSensitive_AndEmptyIsNotAKeyword()
    {
        Assert.Null(D.FindAttributeByKeyword("patientname"));
        Assert.Null(D.FindAttributeByKeyword(""));
    }

    [Theory]
    [InlineData("PN")]
    [InlineData("OV")]
    [InlineData("SV")]
    [InlineData("UV")]
    [InlineData("UR")]
    [InlineData("SQ")]
    public void IsValidVr_True(string vr) => Assert.True(DicomDictionary.IsValidVr(vr));

    [Theory]
    [InlineData("pn")]
    [InlineData("XX")]
    [InlineData("OB or OW")]
    [InlineData("NONE")]
    [InlineData("")]
    public void IsValidVr_False(string vr) => Assert.False(DicomDictionary.IsValidVr(vr));

    [Fact]
    public void StandardVrs_Has34() => Assert.Equal(34, DicomDictionary.StandardVrs.Count);

    [Fact]
    public void EveryDictionaryVr_IsValid_ExceptItemDelimiters()
    {
        var bad = D.Attributes.SelectMany(a => a.Vrs).Where(v => !DicomDictionary.IsValidVr(v)).Distinct().ToList();
        Assert.Equal(["NONE"], bad); // (FFFE,E000/E00D/E0DD) Item and delimiters have no VR
    }

    // ---------------------------------------------------------------- tag parsing

    [Theory]
    [InlineData("(0010,0010)", 0x0010, 0x0010)]
    [InlineData("0010,0010", 0x0010, 0x0010)]
    [InlineData("00100010", 0x0010, 0x0010)]
    [InlineData("(7fe0,0010)", 0x7FE0, 0x0010)]
    [InlineData("7Fe00010", 0x7FE0, 0x0010)]
    [InlineData(" ( 0020 , 000d ) ", 0x0020, 0x000D)]
    [InlineData("(FFFE,E000)", 0xFFFE, 0xE000)]
    public void TryParseTag_Accepts(string text, int group, int element)
    {
        Assert.True(DicomTag.TryParse(text, out var tag));
        Assert.Equal(Tag((ushort)group, (ushort)element), tag);
        Assert.True(DicomTag.TryParse(text, out var tag2));
        Assert.Equal(tag, tag2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("()")]
    [InlineData("(0010,0010")]
    [InlineData("0010,0010)")]
    [InlineData("(00100010)")]
    [InlineData("0010.0010")]
    [InlineData("010,0010")]
    [InlineData("00010,0010")]
    [InlineData("0010,00100")]
    [InlineData("0010001")]
    [InlineData("001000100")]
    [InlineData("0x00100010")]
    [InlineData("(0010,001G)")]
    [InlineData("(60xx,3000)")]
    [InlineData("0010,0010,0010")]
    [InlineData("PatientName")]
    public void TryParseTag_Rejects(string? text)
    {
        Assert.False(DicomTag.TryParse(text, out var tag));
        Assert.Equal(default, tag);
    }

    [Fact]
    public void DicomTag_ToString_AndValue()
    {
        var tag = Tag(0x7FE0, 0x0010);
        Assert.Equal("(7FE0,0010)", tag.ToString());
        Assert.Equal(0x7FE00010u, tag.Value);
        Assert.Equal(tag, DicomTag.FromValue(0x7FE00010));
        Assert.Equal("(0009,0010)", Tag(9, 0x10).ToString());
    }

    // ---------------------------------------------------------------- UIDs

    [Fact]
    public void CtImageStorage()
    {
        var u = D.FindUid("1.2.840.10008.5.1.4.1.1.2");
        Assert.NotNull(u);
        Assert.Equal("CT Image Storage", u.Name);
        Assert.Equal("CTImageStorage", u.Keyword);
        Assert.Equal(UidType.SopClass, u.Type);
        Assert.False(u.Retired);
        Assert.Equal("Storage", u.ServiceClass);
        Assert.Same(u, D.FindUidByKeyword("CTImageStorage"));
    }

    [Fact]
    public void Jpeg2000_IsTransferSyntax()
    {
        var u = D.FindUid("1.2.840.10008.1.2.4.90");
        Assert.NotNull(u);
        Assert.Equal(UidType.TransferSyntax, u.Type);
        Assert.Equal("JPEG2000Lossless", u.Keyword);
        Assert.Contains("JPEG 2000", u.Name);
        Assert.False(u.Retired);
        Assert.Null(u.ServiceClass);
    }

    [Fact]
    public void ExplicitVrBigEndian_IsRetired()
    {
        var u = D.FindUid("1.2.840.10008.1.2.2");
        Assert.NotNull(u);
        Assert.Equal("Explicit VR Big Endian", u.Name);
        Assert.Equal(UidType.TransferSyntax, u.Type);
        Assert.True(u.Retired);
    }

    [Fact]
    public void PhotoacousticImageStorage_OnlyIn2025b()
    {
        var u = D.FindUid("1.2.840.10008.5.1.4.1.1.6.3");
        Assert.NotNull(u);
        Assert.Equal("Photoacoustic Image Storage", u.Name);
        Assert.Equal("PhotoacousticImageStorage", u.Keyword);
        Assert.Equal(UidType.SopClass, u.Type);
        Assert.Equal("Storage", u.ServiceClass);
        Assert.False(u.Retired);
    }

    [Fact]
    public void InventoryFind_OnlyIn2025b_KeywordDerived()
    {
        var u = D.FindUid("1.2.840.10008.5.1.4.1.1.201.2");
        Assert.NotNull(u);
        Assert.Equal("InventoryFind", u.Keyword);
        Assert.Equal("Inventory Query/Retrieve", u.ServiceClass);
    }

    [Fact]
    public void Verification()
    {
        var u = D.FindUid("1.2.840.10008.1.1");
        Assert.NotNull(u);
        Assert.Equal("Verification SOP Class", u.Name);
        Assert.Equal(UidType.SopClass, u.Type);
        Assert.Equal("Verification", u.ServiceClass);
    }

    [Fact]
    public void StorageServiceClass_IsServiceClass_NotSopClass()
    {
        var u = D.FindUid("1.2.840.10008.4.2");
        Assert.NotNull(u);
        Assert.Equal("Storage Service Class", u.Name);
        Assert.Equal(UidType.ServiceClass, u.Type);
        Assert.NotEqual(UidType.SopClass, u.Type);
    }

    [Fact]
    public void ModalityWorklistFind()
    {
        var u = D.FindUid("1.2.840.10008.5.1.4.31");
        Assert.NotNull(u);
        Assert.Equal("Modality Worklist Information Model - FIND", u.Name);
        Assert.Equal("ModalityWorklistInformationModelFind", u.Keyword);
        Assert.Equal(UidType.SopClass, u.Type);
        Assert.Equal("Basic Worklist Management", u.ServiceClass);
    }

    [Fact]
    public void OtherUidTypes()
    {
        Assert.Equal(UidType.ApplicationContextName, D.FindUid("1.2.840.10008.3.1.1.1")?.Type);
        Assert.Equal(UidType.MetaSopClass, D.FindUid("1.2.840.10008.5.1.1.9")?.Type);
        Assert.Equal(UidType.WellKnownSopInstance, D.FindUid("1.2.840.10008.5.1.1.17")?.Type); // Printer SOP Instance
        Assert.Equal(UidType.CodingScheme, D.FindUid("1.2.840.10008.2.16.4")?.Type); // DCM
        Assert.Equal(UidType.CodingScheme, D.FindUid("1.2.840.10008.2.6.1")?.Type); // DICOM UID Registry
    }

    [Fact]
    public void AllStandardUids_AreValid()
    {
        foreach (var u in D.Uids)
            Assert.True(DicomDictionary.IsValidUid(u.Uid, out var problem), $"{u.Uid}: {problem}");
    }

    [Fact]
    public void UnknownUid_IsNull()
    {
        Assert.Null(D.FindUid("1.2.3.4"));
        Assert.Null(D.FindUid(""));
    }

    [Fact]
    public void UidTypeText_RoundTrips()
    {
        foreach (var t in Enum.GetValues<UidType>())
        {
            Assert.True(UidTypeText.TryParse(t.ToText(), out var back));
            Assert.Equal(t, back);
        }
    }

    // ---------------------------------------------------------------- UID validation

    [Theory]
    [InlineData("1.2.840.10008.1.1")]
    [InlineData("0")]
    [InlineData("1.0.2")]
    [InlineData("2.25.329800735698586629295641978511506172918")]
    public void IsValidUid_True(string uid)
    {
        Assert.True(DicomDictionary.IsValidUid(uid, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("1.2.840.010008.1", "leading zero")]
    [InlineData("1.2.840.00", "leading zero")]
    [InlineData("1.2.840.10008.a", "'a'")]
    [InlineData("1.2.ABC", "'A'")]
    [InlineData("1.2.3 ", "U+0020")]
    [InlineData("1.2..3", "empty")]
    [InlineData(".1.2", "starts with '.'")]
    [InlineData("1.2.", "ends with '.'")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    public void IsValidUid_False(string? uid, string expected)
    {
        Assert.False(DicomDictionary.IsValidUid(uid, out var problem));
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void IsValidUid_Length()
    {
        string uid64 = "1.2." + new string('1', 60);
        Assert.Equal(64, uid64.Length);
        Assert.True(DicomDictionary.IsValidUid(uid64, out _));
        string uid65 = uid64 + "1";
        Assert.False(DicomDictionary.IsValidUid(uid65, out var problem));
        Assert.Contains("65 characters", problem);
        Assert.Contains("at most 64", problem);
    }

    // ---------------------------------------------------------------- extras

    [Fact]
    public void WithExtras_AddsPrivateSopClassAttributesAndNewerUids()
    {
        var privateSop = new UidEntry("1.3.6.1.4.1.99999.1.1", "Acme Private CT Storage", "AcmePrivateCTStorage",
            UidType.SopClass, false, "Storage");
        var newer = new UidEntry("1.2.840.10008.5.1.4.1.1.999", "Future Image Storage", "FutureImageStorage",
            UidType.SopClass, false, "Storage");
        var creator = new AttributeEntry("(0009,0010)", "LO", "1", "Private Creator", "AcmeCreator", false);
        var block = new AttributeEntry("0009,xx10", "US", "1", "Acme Gantry Mode", "AcmeGantryMode", false);
        var renamed = new AttributeEntry("00100010", "PN", "1", "Patient Name (local)", "PatientName", false);

        var x = D.WithExtras([privateSop, newer], [creator, block, renamed]);

        Assert.NotSame(D, x);
        Assert.Equal(D.Edition, x.Edition);
        Assert.Same(privateSop, x.FindUid(privateSop.Uid));
        Assert.Same(newer, x.FindUidByKeyword("FutureImageStorage"));
        Assert.Equal(D.UidCount + 2, x.UidCount);
        Assert.Equal(privateSop.Uid, x.Uids.SkipLast(1).Last().Uid);
        Assert.Equal("CT Image Storage", x.FindUid("1.2.840.10008.5.1.4.1.1.2")?.Name);

        Assert.Equal("AcmeCreator", x.FindAttribute(Tag(0x0009, 0x0010))?.Keyword);
        Assert.Equal("00090010", x.FindAttribute(Tag(0x0009, 0x0010))?.Tag);
        var gantry = x.FindAttribute(Tag(0x0009, 0x1110));
        Assert.NotNull(gantry);
        Assert.Equal("0009xx10", gantry.Tag);
        Assert.Same(gantry, x.FindAttributeByKeyword("AcmeGantryMode"));
        Assert.Null(x.FindAttribute(Tag(0x0011, 0x1110))); // other private group
        Assert.Equal("Patient Name (local)", x.FindAttribute(Tag(0x0010, 0x0010))?.Name);
        Assert.Equal("OverlayData", x.FindAttribute(Tag(0x6002, 0x3000))?.Keyword);

        // the standard dictionary is unchanged
        Assert.Null(D.FindUid(privateSop.Uid));
        Assert.Null(D.FindAttribute(Tag(0x0009, 0x1110)));
        Assert.Equal("Patient's Name", D.FindAttribute(Tag(0x0010, 0x0010))?.Name);
    }

    [Fact]
    public void WithExtras_ReplacesExistingUidInPlace()
    {
        var ct = D.FindUid("1.2.840.10008.5.1.4.1.1.2")!;
        var x = D.WithExtras([ct with { Name = "CT Image Storage (local)" }], []);
        Assert.Equal(D.UidCount, x.UidCount);
        Assert.Equal("CT Image Storage (local)", x.FindUid(ct.Uid)?.Name);
    }

    [Theory]
    [InlineData("0009,10")]
    [InlineData("(0009,001G)")]
    [InlineData("000900100")]
    public void WithExtras_RejectsMalformedTag(string tag) =>
        Assert.Throws<ArgumentException>(() =>
            D.WithExtras([], [new AttributeEntry(tag, "LO", "1", "Bad", "Bad", false)]));

    [Fact]
    public void WithExtras_RejectsInvalidUid() =>
        Assert.Throws<ArgumentException>(() =>
            D.WithExtras([new UidEntry("1.2.03", "Bad", "Bad", UidType.SopClass, false)], []));

    // ---------------------------------------------------------------- resource header

    [Fact]
    public void Resources_HaveGeneratedHeader()
    {
        foreach (var name in new[] { DicomDictionary.AttributesResource, DicomDictionary.UidsResource })
        {
            using var s = typeof(DicomDictionary).Assembly.GetManifestResourceStream(name);
            Assert.NotNull(s);
            var head = new StreamReader(s).ReadToEnd().Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
            Assert.Contains(head, l => l.Contains("DO NOT EDIT") && l.Contains("tools/gen_dictionary.py"));
            Assert.Contains(head, l => l.Contains("MIT"));
        }
    }
}

/// <summary>The whole embedded dictionary, entry by entry (issue: UIDs with an empty name, "(Retired)" mismatches).</summary>
public class WholeDictionaryTests
{
    [Fact]
    public void Every_uid_and_attribute_has_a_name()
    {
        Assert.Empty(DicomDictionary.Standard.Uids.Where(u => string.IsNullOrWhiteSpace(u.Name)).Select(u => u.Uid));
        Assert.Empty(DicomDictionary.Standard.Attributes.Where(a => string.IsNullOrWhiteSpace(a.Name)).Select(a => a.Tag));
    }

    [Fact]
    public void Declaring_any_uid_by_its_dictionary_name_never_reports_a_mismatch()
    {
        var mismatches = DicomDictionary.Standard.Uids
            .Where(u => !Dcsc.Rules.UidRules.NameMatches(u.Name, u))
            .Select(u => $"{u.Uid} \"{u.Name}\"").ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("1.2.840.10008.5.1.4.1.1.40", "MR Image Storage Zero Padded")]
    [InlineData("1.2.840.10008.5.1.4.1.1.40", "MR Image Storage Zero Padded (Retired)")]
    [InlineData("1.2.840.10008.5.1.4.1.1.12.77", "Zeiss OPT File")]
    [InlineData("1.2.840.10008.5.1.4.1.1.12.3", "X-Ray Angiographic Bi-plane Image Storage (Retired)")]
    [InlineData("1.2.840.10008.5.1.4.1.1.12.3", "X-Ray Angiographic Bi-plane Image Storage")]
    public void Names_of_retired_sop_classes_match_with_or_without_the_mark(string uid, string name) =>
        Assert.True(Dcsc.Rules.UidRules.NameMatches(name, DicomDictionary.Standard.FindUid(uid)!));

    [Theory]
    [InlineData("00080017", "Acquisition UID", "AcquisitionUID")] // newer than 2022a, from dcmjs
    [InlineData("00080404", "Item Inventory DateTime", "ItemInventoryDateTime")]
    [InlineData("00100010", "Patient's Name", "PatientName")] // 2022a names are kept
    public void Newer_attributes_are_known_with_a_name(string tag, string name, string keyword)
    {
        var entry = DicomDictionary.Standard.Attributes.Single(a => a.Tag == tag);
        Assert.Equal(name, entry.Name);
        Assert.Equal(keyword, entry.Keyword);
    }
}

/// <summary>The committed TSV files are what tools/gen_dictionary.py makes from its pinned inputs.</summary>
public class DictionaryGeneratorTests
{
    [Fact]
    public void Committed_dictionary_is_what_the_generator_makes()
    {
        // tools/dictionary-inputs.sh (run by .ci/run) brings pydicom and dcmjs; without them this fails, never skips.
        string dcmjs = Path.Combine(TestUtil.RepoRoot, "tools", ".inputs", "dcmjs");
        Assert.True(Directory.Exists(dcmjs), "dictionary inputs missing: run tools/dictionary-inputs.sh");
        var psi = new ProcessStartInfo("python3", $"tools/gen_dictionary.py --dcmjs \"{dcmjs}\" --check")
        { WorkingDirectory = TestUtil.RepoRoot, RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "src/Dcsc.Core/Dictionary/Data is stale: " + err);
    }
}
