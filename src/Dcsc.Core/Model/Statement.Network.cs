namespace Dcsc.Model;

// Network declarations that real products need (issue 12, points 1-4, 10, 11): Transfer Syntaxes per activity,
// "every Storage SOP Class", "any Transfer Syntax", configurable association parameters and explicit
// "not documented" answers. They extend the positional records of Statement.cs with init-only members so that
// every existing construction keeps its meaning (absent = the behaviour before these declarations existed).

/// <summary>How Transfer Syntaxes are chosen beyond the declared sets (PS3.2 Table 1-1 "Transfer Syntax Set" column).</summary>
public enum TransferSyntaxPolicy
{
    /// <summary>Only the Transfer Syntaxes of the declared sets.</summary>
    Sets,
    /// <summary>As acceptor: every proposed Transfer Syntax is accepted (the product may convert what it stores).</summary>
    Any,
    /// <summary>As acceptor: every proposed Transfer Syntax is accepted and instances are kept as received;
    /// as initiator: an instance is proposed in the Transfer Syntax it was received in.</summary>
    AsReceived,
}

public sealed partial record Statement
{
    /// <summary>The "every Storage SOP Class" declaration, or null; its SOP Classes are already expanded into <see cref="SopClasses"/>.</summary>
    public EveryStorageSopClass? EveryStorage { get; init; }
}

public sealed partial record SopClass
{
    /// <summary>Transfer Syntaxes beyond <see cref="TransferSyntaxSets"/>: any proposed one, or as received.</summary>
    public TransferSyntaxPolicy TransferSyntaxPolicy { get; init; }

    /// <summary>True when the SOP Class comes from the "every Storage SOP Class" declaration, not from its own entry.</summary>
    public bool Expanded { get; init; }
}

public sealed partial record Activity
{
    /// <summary>Transfer Syntax Set codes this activity proposes or accepts; empty: the SOP Classes' own sets.</summary>
    public IReadOnlyList<string> TransferSyntaxSets { get; init; } = Array.Empty<string>();

    /// <summary>True: <see cref="TransferSyntaxSets"/> narrows each SOP Class's sets (intersection); false: it replaces them.</summary>
    public bool NarrowTransferSyntaxSets { get; init; }

    /// <summary>The activity's Transfer Syntax policy; null: the SOP Classes' own.</summary>
    public TransferSyntaxPolicy? TransferSyntaxPolicy { get; init; }
}

public sealed partial record AssociationParameters
{
    /// <summary>Every parameter as written, with its default and configurable range (keyed by the YAML key, e.g. <c>artim_timeout</c>).</summary>
    public IReadOnlyDictionary<string, ParameterSetting> Settings { get; init; } = new Dictionary<string, ParameterSetting>();
}

public sealed partial record ServiceRole
{
    /// <summary>YAML keys of facts the statement explicitly answers with "not documented" (e.g. <c>level_of_support</c>).</summary>
    public IReadOnlySet<string> NotDocumented { get; init; } = new HashSet<string>();

    public bool IsNotDocumented(string field) => NotDocumented.Contains(field);
}

/// <summary>
/// An association parameter: the value in use, the factory default, the configurable range (PS3.2 Table 6-1 columns
/// Configurable and Default Value; ranges written "[low … high]").
/// </summary>
public sealed record ParameterSetting(string? Value, string? Default, string? Minimum, string? Maximum, bool Configurable, string? Unit,
    string? Comment, Location Location)
{
    /// <summary>The value the product uses unless reconfigured: the value, else the default.</summary>
    public string? Effective => Value ?? Default;

    /// <summary>"[low … high]" (PS3.2 convention), or null when no bound is given.</summary>
    public string? Range => Minimum is null && Maximum is null ? null : $"[{Minimum ?? ""} … {Maximum ?? ""}]";
}

/// <summary>
/// "Every Storage SOP Class of the dictionary edition" in the given roles (PS3.4 Annex B). The binder expands it into
/// one <see cref="SopClass"/> per UID (UID order) except those excluded or declared on their own in <c>sop_classes</c>.
/// </summary>
public sealed record EveryStorageSopClass(
    IReadOnlyList<string> Scu, IReadOnlyList<string> Scp, bool IncludeRetired, bool IncludeNonPatient, IReadOnlyList<string> Exclude,
    IReadOnlyList<string> TransferSyntaxSets, TransferSyntaxPolicy TransferSyntaxPolicy,
    bool Display, bool Process, bool Archive, string? Comment, Location Location);
