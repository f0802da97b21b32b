namespace Dcsc.Model;

/// <summary>The Transfer Syntax Sets and policy that apply to one SOP Class in one use (AE, role, activity).</summary>
public sealed record EffectiveTransferSyntaxes(IReadOnlyList<string> SetCodes, TransferSyntaxPolicy Policy)
{
    /// <summary>True when every proposed Transfer Syntax is accepted (or an instance is forwarded as received).</summary>
    public bool Open => Policy != TransferSyntaxPolicy.Sets;
}

/// <summary>
/// Where a SOP Class's Transfer Syntaxes come from (issue 12 point 1): the SOP Class declares its sets; an activity
/// that uses it may replace or narrow them, and may state a policy (any / as received). Presentation contexts,
/// the Section 1 tables, lint and <c>dcsc match</c> all ask here, so they agree.
/// </summary>
public static class TransferSyntaxResolution
{
    /// <summary>The sets and policy of <paramref name="sc"/> inside <paramref name="activity"/> (null: the SOP Class's own).</summary>
    public static EffectiveTransferSyntaxes ForActivity(SopClass sc, Activity? activity)
    {
        IReadOnlyList<string> sets = sc.TransferSyntaxSets;
        var policy = sc.TransferSyntaxPolicy;
        if (activity is not null)
        {
            if (activity.TransferSyntaxSets.Count > 0)
                sets = activity.NarrowTransferSyntaxSets
                    ? sc.TransferSyntaxSets.Where(c => activity.TransferSyntaxSets.Contains(c, StringComparer.Ordinal)).ToList()
                    : activity.TransferSyntaxSets;
            if (activity.TransferSyntaxPolicy is { } p) policy = p;
        }
        return new EffectiveTransferSyntaxes(sets, policy);
    }

    /// <summary>The activities of <paramref name="ae"/> in <paramref name="role"/> that use the SOP Class.</summary>
    public static IEnumerable<Activity> ActivitiesUsing(ApplicationEntity ae, ActivityRole role, string uid) =>
        ae.Activities.Where(a => a.Role == role && a.SopClasses.Contains(uid, StringComparer.Ordinal));

    /// <summary>
    /// The sets and policy of a SOP Class on one AE in one role: the union over the activities that use it there,
    /// or the SOP Class's own when no activity does.
    /// </summary>
    public static EffectiveTransferSyntaxes ForAe(SopClass sc, ApplicationEntity ae, ActivityRole role)
    {
        var uses = ActivitiesUsing(ae, role, sc.Uid).Select(a => ForActivity(sc, a)).ToList();
        return uses.Count == 0 ? ForActivity(sc, null) : Union(uses);
    }

    /// <summary>The sets and policy of a SOP Class in a role over all the AEs that have the role (<c>scu</c> / <c>scp</c>).</summary>
    public static EffectiveTransferSyntaxes ForRole(Statement s, SopClass sc, ActivityRole role)
    {
        var names = role == ActivityRole.Initiator ? sc.Scu : sc.Scp;
        var uses = s.ApplicationEntities.Where(a => names.Contains(a.Name, StringComparer.Ordinal)).Select(a => ForAe(sc, a, role)).ToList();
        return uses.Count == 0 ? ForActivity(sc, null) : Union(uses);
    }

    /// <summary>The sets and policy of a SOP Class over every AE and role that uses it (the Section 1 overview tables).</summary>
    public static EffectiveTransferSyntaxes Overall(Statement s, SopClass sc)
    {
        var uses = new List<EffectiveTransferSyntaxes>();
        if (sc.IsScu) uses.Add(ForRole(s, sc, ActivityRole.Initiator));
        if (sc.IsScp) uses.Add(ForRole(s, sc, ActivityRole.Acceptor));
        // On the web and on media no activity narrows the declared sets.
        if (sc.UserAgent || sc.OriginServer || sc.Fsc || sc.Fsu || sc.Fsr) uses.Add(ForActivity(sc, null));
        var all = uses.Count == 0 ? ForActivity(sc, null) : Union(uses);
        // In the order of Table 1-2 (the statement's declaration order of the sets).
        var order = s.TransferSyntaxSets.Select(t => t.Code).ToList();
        return all with { SetCodes = all.SetCodes.OrderBy(c => order.IndexOf(c) is var i && i < 0 ? int.MaxValue : i).ToList() };
    }

    /// <summary>Sets in order of first appearance; the most open policy wins (as received, then any, then sets).</summary>
    public static EffectiveTransferSyntaxes Union(IReadOnlyList<EffectiveTransferSyntaxes> uses)
    {
        var sets = new List<string>();
        foreach (var u in uses) foreach (var c in u.SetCodes) if (!sets.Contains(c, StringComparer.Ordinal)) sets.Add(c);
        var policy = uses.Count == 0 ? TransferSyntaxPolicy.Sets : uses.Max(u => u.Policy);
        return new EffectiveTransferSyntaxes(sets, policy);
    }

    /// <summary>The plain-text label of a policy for tables and text.</summary>
    public static string PolicyLabel(TransferSyntaxPolicy p) => p switch
    {
        TransferSyntaxPolicy.Any => "Any",
        TransferSyntaxPolicy.AsReceived => "As received",
        _ => "",
    };

    /// <summary>The sentence that states a policy for one role (PS3.2 7.2.x.4.y "Transfer Syntax Selection Policies").</summary>
    public static string PolicySentence(TransferSyntaxPolicy p, ActivityRole role) => (p, role) switch
    {
        (TransferSyntaxPolicy.Any, ActivityRole.Acceptor) => "Any Transfer Syntax proposed is accepted.",
        (TransferSyntaxPolicy.AsReceived, ActivityRole.Acceptor) => "Any Transfer Syntax proposed is accepted; instances are stored as received, without conversion.",
        (TransferSyntaxPolicy.AsReceived, ActivityRole.Initiator) => "Each instance is proposed in the Transfer Syntax in which it was received.",
        (TransferSyntaxPolicy.Any, ActivityRole.Initiator) => "Instances are proposed in any Transfer Syntax the product holds them in.",
        _ => "",
    };
}
