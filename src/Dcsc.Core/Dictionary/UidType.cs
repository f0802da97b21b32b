namespace Dcsc.Dictionary;

/// <summary>The kind of a registered UID (PS3.6 Table A-1 "UID Type", normalised).</summary>
public enum UidType
{
    SopClass,
    MetaSopClass,
    TransferSyntax,
    WellKnownSopInstance,
    WellKnownFrameOfReference,
    SynchronizationFrameOfReference,
    ServiceClass,
    ApplicationContextName,
    CodingScheme,
    LdapOid,
    MappingResource,
    ApplicationHostingModel,
}

/// <summary>The text used for <see cref="UidType"/> in uids.tsv and in documents.</summary>
public static class UidTypeText
{
    private static readonly (UidType Type, string Text)[] s_texts =
    [
        (UidType.SopClass, "SOP Class"),
        (UidType.MetaSopClass, "Meta SOP Class"),
        (UidType.TransferSyntax, "Transfer Syntax"),
        (UidType.WellKnownSopInstance, "Well-known SOP Instance"),
        (UidType.WellKnownFrameOfReference, "Well-known frame of reference"),
        (UidType.SynchronizationFrameOfReference, "Synchronization Frame of Reference"),
        (UidType.ServiceClass, "Service Class"),
        (UidType.ApplicationContextName, "Application Context Name"),
        (UidType.CodingScheme, "Coding Scheme"),
        (UidType.LdapOid, "LDAP OID"),
        (UidType.MappingResource, "Mapping Resource"),
        (UidType.ApplicationHostingModel, "Application Hosting Model"),
    ];

    public static string ToText(this UidType type)
    {
        foreach (var (t, text) in s_texts)
            if (t == type) return text;
        throw new ArgumentOutOfRangeException(nameof(type), type, null);
    }

    /// <summary>Parses the uids.tsv text (case-insensitive).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UidType type)
    {
        foreach (var (t, s) in s_texts)
        {
            if (text.Equals(s, StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }
}
