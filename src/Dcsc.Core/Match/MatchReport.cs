using Dcsc.Diagnostics;

namespace Dcsc.Match;

/// <summary>How two statements fit for one fact. Ordered: a report's verdict is the worst level of its findings.</summary>
public enum MatchLevel { Compatible, Warning, Incompatible }

/// <summary>Which way the exchange runs: from statement A to statement B, the reverse, or both (security, role mismatches).</summary>
public enum MatchFlow { AToB, BToA, Both }

/// <summary>
/// One finding of <c>dcsc match</c>: a level, the service it concerns, what it is about (a SOP Class, a transaction,
/// a profile…), the places in the two statements it rests on, and a sentence naming the products.
/// </summary>
public sealed record MatchFinding(
    MatchLevel Level,
    string Service,
    string Subject,
    string? SubjectUid,
    MatchFlow Flow,
    string Message,
    SourceSpan A,
    SourceSpan B,
    IReadOnlyList<string> Common);

/// <summary>One of the two statements compared.</summary>
public sealed record MatchSide(string Path, string Product, string Version);

/// <summary>The services a finding can belong to, in report order, with their titles.</summary>
public static class MatchServices
{
    public const string Verification = "verification", Storage = "storage", StorageCommitment = "storage-commitment",
        QueryRetrieve = "query-retrieve", Worklist = "worklist", Mpps = "mpps", Ups = "ups",
        InstanceAvailability = "instance-availability", Print = "print", OtherDimse = "other-dimse",
        Association = "association", DicomWeb = "dicomweb", Media = "media", Security = "security";

    /// <summary>All services in report order.</summary>
    public static readonly IReadOnlyList<string> All = new[]
    {
        Verification, Storage, StorageCommitment, QueryRetrieve, Worklist, Mpps, Ups, InstanceAvailability, Print,
        OtherDimse, Association, DicomWeb, Media, Security,
    };

    /// <summary>The services <c>--require</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Requirable = new[]
    {
        Storage, QueryRetrieve, Worklist, Mpps, StorageCommitment, InstanceAvailability, Ups, Print, Verification,
        DicomWeb, Media, Security,
    };

    public static string Title(string service) => service switch
    {
        Verification => "Verification",
        Storage => "Storage",
        StorageCommitment => "Storage Commitment",
        QueryRetrieve => "Query/Retrieve",
        Worklist => "Modality Worklist",
        Mpps => "Modality Performed Procedure Step",
        Ups => "Unified Procedure Step",
        InstanceAvailability => "Instance Availability Notification",
        Print => "Print Management",
        OtherDimse => "Other DIMSE services",
        Association => "Association parameters and character sets",
        DicomWeb => "DICOMweb",
        Media => "Media",
        Security => "Security",
        _ => service,
    };

    public static int Order(string service)
    {
        for (int i = 0; i < All.Count; i++) if (All[i] == service) return i;
        return All.Count;
    }
}

/// <summary>The result of comparing two statements.</summary>
public sealed record MatchReport(MatchSide A, MatchSide B, IReadOnlyList<MatchFinding> Findings, IReadOnlyList<string> Required)
{
    /// <summary>The services the verdict covers: those given with <c>--require</c>, else every service.</summary>
    public bool Counts(string service) => Required.Count == 0 || Required.Contains(service);

    /// <summary>The worst level among the findings of the services the verdict covers.</summary>
    public MatchLevel Verdict => Findings.Where(f => Counts(f.Service)).Select(f => f.Level).DefaultIfEmpty(MatchLevel.Compatible).Max();

    /// <summary>Services with at least one finding, in report order.</summary>
    public IReadOnlyList<string> Services => Findings.Select(f => f.Service).Distinct().OrderBy(MatchServices.Order).ToList();

    public MatchLevel ServiceVerdict(string service) =>
        Findings.Where(f => f.Service == service).Select(f => f.Level).DefaultIfEmpty(MatchLevel.Compatible).Max();

    public int Count(MatchLevel level, string? service = null) =>
        Findings.Count(f => f.Level == level && (service is null ? Counts(f.Service) : f.Service == service));
}
