namespace Dcsc.Dictionary;

/// <summary>The DICOM service a SOP Class belongs to, as finely as the rules need to tell them apart (PS3.4 annexes).</summary>
public enum ServiceFamily
{
    Unknown, Verification, Storage, NonPatientStorage, MediaDirectory, QrFind, QrMove, QrGet, Worklist,
    Mpps, MppsRetrieve, MppsNotification, StorageCommitment, UpsPush, UpsPull, UpsWatch, UpsEvent, UpsQuery,
    Ian, Print, PrintMeta, EventLogging, RelevantPatientQuery, SubstanceQuery, MediaCreation, StorageManagement,
    DisplaySystem, RtMachineVerification, RealTimeVideo, Other,
}

/// <summary>The overview table of PS3.2 Section 1 that lists a SOP Class of this service.</summary>
public enum OverviewTable { None, Storage, Workflow, QueryRetrieve }

/// <summary>How a document and a match report name and order one PS3.4 service class.</summary>
/// <param name="ServiceClass">The service class as the dictionary writes it (<c>Procedure Step (Modality Performed Procedure Step)</c>).</param>
/// <param name="DisplayName">Its name in the Service-to-AE table (PS3.2 Table 2-x "Supported Services").</param>
/// <param name="Order">Its place in that table; services without one follow in name order.</param>
/// <param name="Overview">The Section 1 overview table that lists its SOP Classes.</param>
public sealed record ServiceClassInfo(string ServiceClass, string DisplayName, int Order, OverviewTable Overview);

/// <summary>
/// The one catalogue of DICOM services: which service a UID belongs to (<see cref="FamilyOf"/>, <see cref="ServiceClassOf"/>),
/// how it is named and ordered (<see cref="Describe"/>), and how a UID is named (<see cref="NameOf"/>). The Rules,
/// Layout and Match stages all ask here, so a document and a match report never classify or name a UID differently.
/// Service classes are those of PS3.4 2025b (src/Dcsc.Core/Dictionary/Data/uids.tsv).
/// </summary>
public static class ServiceCatalogue
{
    /// <summary>PS3.4 Annex HH; the dictionary gives these SOP Classes (1.2.840.10008.10.*) no service class.</summary>
    public const string RealTimeVideo = "Real-Time Video";

    private const string RealTimeVideoRoot = "1.2.840.10008.10.";

    // Supported Services order of the PS3.2 template's Table 2-1 example, then the others by name.
    private static readonly ServiceClassInfo[] Known =
    {
        new("Verification", "Verification", 0, OverviewTable.None),
        new("Basic Worklist Management", "Basic Worklist Management", 1, OverviewTable.Workflow),
        new("Procedure Step (Modality Performed Procedure Step)", "Modality Performed Procedure Step", 2, OverviewTable.Workflow),
        new("Unified Procedure Step", "Unified Worklist and Procedure Step", 3, OverviewTable.Workflow),
        new("Instance Availability Notification", "Instance Availability Notification", 4, OverviewTable.Workflow),
        new("Storage", "Storage", 5, OverviewTable.Storage),
        // A storage AE is one "Storage" row of the Service-to-AE table whatever kind of object it stores.
        new("Non-Patient Object Storage", "Storage", 5, OverviewTable.Storage),
        new("Media Storage", "Media Storage", int.MaxValue, OverviewTable.Storage),
        new("Storage Commitment", "Storage Commitment", 7, OverviewTable.Workflow),
        new("Query/Retrieve", "Query/Retrieve", 8, OverviewTable.QueryRetrieve),
        new("Print Management", "Print Management", 9, OverviewTable.None),
        new(RealTimeVideo, RealTimeVideo, 10, OverviewTable.None),
    };

    private static readonly Dictionary<string, ServiceClassInfo> ByClass = Known.ToDictionary(k => k.ServiceClass, StringComparer.Ordinal);

    /// <summary>The service class of a UID (the statement's own <c>dictionary.uids</c> entry first); null when unknown.</summary>
    public static string? ServiceClassOf(string uid, DicomDictionary dictionary) => ServiceClassOf(dictionary.FindUid(uid), uid);

    private static string? ServiceClassOf(UidEntry? entry, string uid)
    {
        if (entry?.ServiceClass is { Length: > 0 } sc) return sc;
        return uid.StartsWith(RealTimeVideoRoot, StringComparison.Ordinal) ? RealTimeVideo : null;
    }

    /// <summary>Display name, order and overview table of a service class; an unknown or empty one is "Other", last.</summary>
    public static ServiceClassInfo Describe(string? serviceClass)
    {
        if (string.IsNullOrEmpty(serviceClass)) return new ServiceClassInfo("", "Other", int.MaxValue, OverviewTable.None);
        if (ByClass.TryGetValue(serviceClass, out var info)) return info;
        // The other Query/Retrieve-like services (Hanging Protocol Q/R, Relevant Patient Information Query,
        // Composite Instance Root Retrieve, …) are listed with Query/Retrieve in Section 1.
        // Other Procedure Step services are workflow, as Modality Performed Procedure Step is.
        bool queryLike = serviceClass.EndsWith("Query/Retrieve", StringComparison.Ordinal) || serviceClass.EndsWith("Query", StringComparison.Ordinal)
            || serviceClass.StartsWith("Composite Instance", StringComparison.Ordinal);
        var overview = queryLike ? OverviewTable.QueryRetrieve
            : serviceClass.StartsWith("Procedure Step", StringComparison.Ordinal) ? OverviewTable.Workflow : OverviewTable.None;
        return new ServiceClassInfo(serviceClass, serviceClass, int.MaxValue, overview);
    }

    /// <summary>The family of a UID of the dictionary (<see cref="ServiceFamily.Unknown"/> when it is not there).</summary>
    public static ServiceFamily FamilyOf(string uid, DicomDictionary dictionary) => FamilyOf(dictionary.FindUid(uid));

    /// <summary>The family of a dictionary entry: by its service class, and by UID or name where one class holds several (PS3.4).</summary>
    public static ServiceFamily FamilyOf(UidEntry? e)
    {
        if (e is null) return ServiceFamily.Unknown;
        if (e.Type is not (UidType.SopClass or UidType.MetaSopClass)) return ServiceFamily.Other;
        var sc = ServiceClassOf(e, e.Uid) ?? "";
        switch (sc)
        {
            case RealTimeVideo: return ServiceFamily.RealTimeVideo;
            case "Verification": return ServiceFamily.Verification;
            case "Storage": return ServiceFamily.Storage;
            case "Non-Patient Object Storage": return ServiceFamily.NonPatientStorage;
            case "Media Storage": return ServiceFamily.MediaDirectory;
            case "Basic Worklist Management": return ServiceFamily.Worklist;
            case "Storage Commitment": return ServiceFamily.StorageCommitment;
            case "Instance Availability Notification": return ServiceFamily.Ian;
            case "Application Event Logging": return ServiceFamily.EventLogging;
            case "Relevant Patient Information Query": return ServiceFamily.RelevantPatientQuery;
            case "Substance Administration Query": return ServiceFamily.SubstanceQuery;
            case "Media Creation Management": return ServiceFamily.MediaCreation;
            case "Storage Management": return ServiceFamily.StorageManagement;
            case "Display System Management": return ServiceFamily.DisplaySystem;
            case "Print Management": return e.Type == UidType.MetaSopClass ? ServiceFamily.PrintMeta : ServiceFamily.Print;
        }
        if (sc.StartsWith("Procedure Step", StringComparison.Ordinal))
            return e.Uid switch { "1.2.840.10008.3.1.2.3.4" => ServiceFamily.MppsRetrieve, "1.2.840.10008.3.1.2.3.5" => ServiceFamily.MppsNotification, _ => ServiceFamily.Mpps };
        if (sc == "Unified Procedure Step")
            return e.Uid switch
            {
                "1.2.840.10008.5.1.4.34.6.1" => ServiceFamily.UpsPush, "1.2.840.10008.5.1.4.34.6.2" => ServiceFamily.UpsWatch,
                "1.2.840.10008.5.1.4.34.6.3" => ServiceFamily.UpsPull, "1.2.840.10008.5.1.4.34.6.4" => ServiceFamily.UpsEvent,
                _ => ServiceFamily.UpsQuery,
            };
        if (sc.Contains("Retrieve", StringComparison.Ordinal))
        {
            // The Q/R services name their SOP Classes "… - FIND", "… - MOVE", "… - GET" (PS3.4 C.6, Y, Z, U, X, BB, HH, II, JJ).
            var up = e.Name.ToUpperInvariant();
            if (up.EndsWith("MOVE", StringComparison.Ordinal)) return ServiceFamily.QrMove;
            if (up.EndsWith("GET", StringComparison.Ordinal)) return ServiceFamily.QrGet;
            return ServiceFamily.QrFind; // "- FIND", "Inventory FIND", Repository Query
        }
        // RT Machine Verification (PS3.4 DD): its two SOP Classes have no service class in the data.
        if (e.Uid is "1.2.840.10008.5.1.4.34.8" or "1.2.840.10008.5.1.4.34.9") return ServiceFamily.RtMachineVerification;
        return ServiceFamily.Other;
    }

    private static readonly System.Text.RegularExpressions.Regex StorageWord =
        new(@"\bStorage\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// <see cref="FamilyOf(UidEntry?)"/>, except that a retired SOP Class the dictionary gives no service class is Storage when
    /// its name says so (PS3.4 Annex B retired many such classes; "Storage Commitment" is not one): the "every Storage SOP
    /// Class" declaration lists them when asked to include retired ones.
    /// </summary>
    public static ServiceFamily StorageFamilyOf(UidEntry e)
    {
        var f = FamilyOf(e);
        if (f == ServiceFamily.Other && e.Retired && e.Type == UidType.SopClass && string.IsNullOrEmpty(e.ServiceClass)
            && StorageWord.IsMatch(e.Name) && !e.Name.Contains("Commitment", StringComparison.Ordinal))
            return ServiceFamily.Storage;
        return f;
    }

    public static bool IsStorageLike(ServiceFamily f) => f is ServiceFamily.Storage or ServiceFamily.NonPatientStorage or ServiceFamily.MediaDirectory;

    public static bool IsUps(ServiceFamily f) =>
        f is ServiceFamily.UpsPush or ServiceFamily.UpsPull or ServiceFamily.UpsWatch or ServiceFamily.UpsEvent or ServiceFamily.UpsQuery;

    /// <summary>
    /// The name to print for a UID, in the one order every output uses: the name the statement gives it where it
    /// declares it (its <c>sop_classes</c> or transfer syntax entry; DCS0104 checks it against the dictionary), else the
    /// dictionary's (the statement's <c>dictionary.uids</c> first), else the UID itself.
    /// </summary>
    public static string NameOf(string uid, string? declaredName, DicomDictionary dictionary)
    {
        if (!string.IsNullOrWhiteSpace(declaredName)) return declaredName;
        return dictionary.FindUid(uid) is { Name.Length: > 0 } e ? e.Name : uid;
    }
}
