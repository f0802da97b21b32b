using Dcsc.Diagnostics;

namespace Dcsc.Match;

/// <summary>How two statements fit for one fact. Ordered: a report's verdict is the worst level of its findings.</summary>
public enum MatchLevel { Compatible, Warning, Incompatible }

/// <summary>Which way the exchange runs: from statement A to statement B, the reverse, or both (security, role mismatches).</summary>
public enum MatchFlow { AToB, BToA, Both }

/// <summary>
/// What a site needs to know about a pair (docs/match.md, "Verdict"): they work together; they work together except for
/// the object types or services named as gaps; or they cannot work together (no common transport, nothing they
/// exchange works, or a required service fails).
/// </summary>
public enum MatchVerdict { Compatible, CompatibleWithGaps, Incompatible }

/// <summary>Something a finding names: a Transfer Syntax, SOP Class, media type, profile… with its UID when it has one.</summary>
public sealed record MatchItem(string Name, string? Uid = null);

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
    IReadOnlyList<MatchItem> Common)
{
    /// <summary>
    /// True when the finding alone makes the pair incompatible: no common transport, nothing exchanged works, or a
    /// service given with <c>--require</c> fails.
    /// </summary>
    public bool Blocking { get; init; }

    /// <summary>What the finding is about when it stands for several SOP Classes (e.g. those of "every Storage SOP Class" the other side refuses).</summary>
    public IReadOnlyList<MatchItem> Items { get; init; } = Array.Empty<MatchItem>();
}

/// <summary>One of the two statements compared.</summary>
public sealed record MatchSide(string Path, string Product, string Version);

/// <summary>The services a finding can belong to, in report order, with their titles.</summary>
public static class MatchServices
{
    public const string Transport = "transport", Verification = "verification", Storage = "storage", StorageCommitment = "storage-commitment",
        QueryRetrieve = "query-retrieve", Worklist = "worklist", Mpps = "mpps", Ups = "ups",
        InstanceAvailability = "instance-availability", Print = "print", OtherDimse = "other-dimse",
        Association = "association", DicomWeb = "dicomweb", Media = "media", Security = "security";

    /// <summary>All services in report order.</summary>
    public static readonly IReadOnlyList<string> All = new[]
    {
        Transport, Verification, Storage, StorageCommitment, QueryRetrieve, Worklist, Mpps, Ups, InstanceAvailability, Print,
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
        Transport => "Common transport",
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
    /// <summary>The services the verdict covers: those given with <c>--require</c>, else every service (the transport always).</summary>
    public bool Counts(string service) => Required.Count == 0 || Required.Contains(service) || service == MatchServices.Transport;

    /// <summary>
    /// Incompatible when a finding blocks (no common transport, nothing exchanged works, a required service fails);
    /// compatible with gaps when some exchange of the covered services fails (see <see cref="Gaps"/>); else compatible.
    /// Warnings do not change the verdict: they are listed with it.
    /// </summary>
    public MatchVerdict Verdict =>
        Findings.Any(f => f.Blocking && Counts(f.Service)) ? MatchVerdict.Incompatible
        : Gaps.Count > 0 ? MatchVerdict.CompatibleWithGaps
        : MatchVerdict.Compatible;

    /// <summary>The findings that fail (incompatible) in the covered services: the object types and services that will be refused.</summary>
    public IReadOnlyList<MatchFinding> Gaps => Findings.Where(f => f.Level == MatchLevel.Incompatible && !f.Blocking && Counts(f.Service)).ToList();

    /// <summary>The findings that make the pair incompatible.</summary>
    public IReadOnlyList<MatchFinding> Blockers => Findings.Where(f => f.Blocking && Counts(f.Service)).ToList();

    /// <summary>The worst level among the findings of the services the verdict covers.</summary>
    public MatchLevel WorstLevel => Findings.Where(f => Counts(f.Service)).Select(f => f.Level).DefaultIfEmpty(MatchLevel.Compatible).Max();

    /// <summary>Services with at least one finding, in report order.</summary>
    public IReadOnlyList<string> Services => Findings.Select(f => f.Service).Distinct().OrderBy(MatchServices.Order).ToList();

    /// <summary>
    /// The verdict of one service (optionally in one direction): incompatible when something fails and nothing works,
    /// compatible with gaps when some things fail and others work, else compatible.
    /// </summary>
    public MatchVerdict ServiceVerdict(string service, MatchFlow? flow = null)
    {
        var fs = Findings.Where(f => f.Service == service && (flow is null || f.Flow == flow || f.Flow == MatchFlow.Both)).ToList();
        bool fails = fs.Any(f => f.Level == MatchLevel.Incompatible), works = fs.Any(f => f.Level != MatchLevel.Incompatible);
        return fs.Any(f => f.Blocking) || (fails && !works) ? MatchVerdict.Incompatible : fails ? MatchVerdict.CompatibleWithGaps : MatchVerdict.Compatible;
    }

    /// <summary>Directions in which a service has findings (A → B, B → A; findings about both count for each).</summary>
    public IReadOnlyList<MatchFlow> Flows(string service)
    {
        var fs = Findings.Where(f => f.Service == service).Select(f => f.Flow).Distinct().ToList();
        if (fs.Count == 1 && fs[0] == MatchFlow.Both) return new[] { MatchFlow.Both };
        return new[] { MatchFlow.AToB, MatchFlow.BToA }.Where(f => fs.Contains(f) || fs.Contains(MatchFlow.Both)).ToList();
    }

    public int Count(MatchLevel level, string? service = null) =>
        Findings.Count(f => f.Level == level && (service is null ? Counts(f.Service) : f.Service == service));
}
