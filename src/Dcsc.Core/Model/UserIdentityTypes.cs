namespace Dcsc.Model;

/// <summary>The User-Identity-Type values of User Identity Negotiation (PS3.7 D.3.3.7.1, Table D.3-14), named once for every output.</summary>
public static class UserIdentityTypes
{
    /// <summary>The name of a User-Identity-Type (<c>"2"</c> → "Username and Passcode"); null for a value PS3.7 does not define.</summary>
    public static string? Name(string type) => type switch
    {
        "1" => "Username",
        "2" => "Username and Passcode",
        "3" => "Kerberos Service Ticket",
        "4" => "SAML Assertion",
        "5" => "JSON Web Token",
        _ => null,
    };

    /// <summary>The label of a User-Identity-Type in a document table: <c>User-Identity-Type 2 (Username and Passcode)</c>.</summary>
    public static string Label(string type) => Name(type) is { } name ? $"User-Identity-Type {type} ({name})" : "User-Identity-Type " + type;
}
