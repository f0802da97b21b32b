using Dcsc.Model;

namespace Dcsc.Diff;

// Issue 12 network declarations in `dcsc diff`: Transfer Syntaxes per activity, "every Storage SOP Class" and its
// policy, association parameters with their default and configurable range. The SOP Classes that "every Storage SOP
// Class" adds or drops are compared one by one like any other SOP Class.
public static partial class StatementDiff
{
    private static string Policy(TransferSyntaxPolicy p) => p switch
    {
        TransferSyntaxPolicy.Any => "any",
        TransferSyntaxPolicy.AsReceived => "as_received",
        _ => "sets",
    };

    private static string? Policy(TransferSyntaxPolicy? p) => p is { } v ? Policy(v) : null;

    private static void ActivityTransferSyntaxes(Collector c, string subject, Activity a, Activity b)
    {
        const string cat = "Real-World Activity";
        c.Members(cat, subject, "Transfer Syntax Set", a.TransferSyntaxSets, b.TransferSyntaxSets, a.Location.Of("transfer_syntax_sets"), b.Location.Of("transfer_syntax_sets"));
        if (a.TransferSyntaxSets.Count > 0 && b.TransferSyntaxSets.Count > 0)
            c.Field(cat, subject, "Transfer Syntax Set mode", a.NarrowTransferSyntaxSets ? "narrow" : "replace", b.NarrowTransferSyntaxSets ? "narrow" : "replace",
                a.Location.Of("transfer_syntax_sets_mode"), b.Location.Of("transfer_syntax_sets_mode"));
        c.Field(cat, subject, "Transfer Syntax policy", Policy(a.TransferSyntaxPolicy), Policy(b.TransferSyntaxPolicy), a.Location.Of("transfer_syntax_policy"), b.Location.Of("transfer_syntax_policy"));
    }

    private static void EveryStorage(Collector c, Statement o, Statement n)
    {
        const string cat = "Every Storage SOP Class";
        const string subject = "declaration";
        switch (o.EveryStorage, n.EveryStorage)
        {
            case (null, null): return;
            case (null, { } added): c.Added(cat, subject, added.Location.Span, $"{n.SopClasses.Count(s => s.Expanded)} SOP Classes"); return;
            case ({ } removed, null): c.Removed(cat, subject, removed.Location.Span); return;
        }
        var a = o.EveryStorage!;
        var b = n.EveryStorage!;
        c.Members(cat, subject, "SCU role on", a.Scu, b.Scu, a.Location.Of("scu"), b.Location.Of("scu"));
        c.Members(cat, subject, "SCP role on", a.Scp, b.Scp, a.Location.Of("scp"), b.Location.Of("scp"));
        c.Field(cat, subject, "retired SOP Classes included", YN(a.IncludeRetired), YN(b.IncludeRetired), a.Location.Of("include_retired"), b.Location.Of("include_retired"));
        c.Field(cat, subject, "Non-Patient Object Storage included", YN(a.IncludeNonPatient), YN(b.IncludeNonPatient), a.Location.Of("include_non_patient"), b.Location.Of("include_non_patient"));
        c.Members(cat, subject, "exclusion", a.Exclude, b.Exclude, a.Location.Of("exclude"), b.Location.Of("exclude"));
        c.Members(cat, subject, "Transfer Syntax Set", a.TransferSyntaxSets, b.TransferSyntaxSets, a.Location.Of("transfer_syntax_sets"), b.Location.Of("transfer_syntax_sets"));
        c.Field(cat, subject, "Transfer Syntax policy", Policy(a.TransferSyntaxPolicy), Policy(b.TransferSyntaxPolicy), a.Location.Of("transfer_syntax_policy"), b.Location.Of("transfer_syntax_policy"));
    }

    /// <summary>Value, default and configurable range of each association parameter (Tables 6-1, 7-1, 7-2).</summary>
    /// <param name="reported">Keys whose value the caller already compares (an AE's port and maximum PDU length).</param>
    private static void AssociationSettings(Collector c, string subject, AssociationParameters? a, AssociationParameters? b, params string[] reported)
    {
        const string cat = "Association parameter";
        foreach (var (key, label, _) in ModelBinder.SettingKeys)
        {
            var x = a?.Settings.GetValueOrDefault(key);
            var y = b?.Settings.GetValueOrDefault(key);
            if (x is null && y is null) continue;
            var oldAt = x?.Location.Of(key) ?? a?.Location.Span ?? Diagnostics.SourceSpan.None("");
            var newAt = y?.Location.Of(key) ?? b?.Location.Span ?? Diagnostics.SourceSpan.None("");
            var what = $"{label} of {subject}";
            if (Array.IndexOf(reported, key) < 0) c.Field(cat, what, "value", x?.Effective, y?.Effective, oldAt, newAt);
            if (x?.Default is not null || y?.Default is not null) c.Field(cat, what, "default", x?.Default, y?.Default, oldAt, newAt);
            if (x?.Range is not null || y?.Range is not null) c.Field(cat, what, "configurable range", x?.Range, y?.Range, oldAt, newAt);
        }
    }
}
