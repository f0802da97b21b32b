using Dcsc.Dictionary;
using System.Globalization;
using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Source;

namespace Dcsc.Match;

/// <summary>
/// Compares two statements (PS3.2 §1: by comparing the Conformance Statements of two implementations a user can
/// tell whether, and to what extent, they can communicate). Both directions are examined: what A initiates
/// (SCU, user agent, file-set creator) against what B accepts (SCP, origin server, file-set reader), and the
/// reverse. See docs/match.md for the rules.
/// </summary>
public static class Matcher
{
    public const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    public const string ModalityWorklistFind = "1.2.840.10008.5.1.4.31";

    public static MatchReport Match(Statement a, Statement b, IReadOnlyCollection<string>? require = null)
    {
        string nameA = a.Product.Name, nameB = b.Product.Name;
        if (nameA == nameB) { nameA += " (A)"; nameB += " (B)"; }
        var run = new Run(new Party(a, true, nameA), new Party(b, false, nameB));
        run.Dimse();
        run.Web();
        run.Media();
        run.Transport();
        run.Association();
        run.Security();
        var required = (require ?? Array.Empty<string>()).Distinct().OrderBy(MatchServices.Order).ToList();
        foreach (var s in required)
        {
            // A required service fails when no exchange of it works in either direction (security: no compatible profile).
            bool works = s == MatchServices.Security
                ? run.Findings.Any(f => f.Service == s && f.Level == MatchLevel.Compatible)
                : run.Works(s);
            if (!works)
                run.Add(MatchLevel.Incompatible, s, MatchServices.Title(s), null, run.A, run.B,
                    $"{MatchServices.Title(s)} is required, but neither {nameA} nor {nameB} offers it to the other: no SOP Class, transaction or profile of this service is used by one and supported by the other.",
                    a.Location.Span, b.Location.Span, both: true, blocking: true);
        }
        var ordered = run.Findings.Select((f, i) => (f, i)).OrderBy(x => MatchServices.Order(x.f.Service)).ThenBy(x => x.i).Select(x => x.f).ToList();
        return new MatchReport(
            new MatchSide(a.Path, a.Product.Name, a.Product.Version),
            new MatchSide(b.Path, b.Product.Name, b.Product.Version),
            ordered, required);
    }

    /// <summary>The match report's service of a SOP Class family (the service catalogue of the Dictionary decides the family).</summary>
    internal static string ServiceOf(ServiceFamily family) => family switch
    {
        ServiceFamily.Verification => MatchServices.Verification,
        ServiceFamily.StorageCommitment => MatchServices.StorageCommitment,
        ServiceFamily.Ian => MatchServices.InstanceAvailability,
        ServiceFamily.Mpps or ServiceFamily.MppsRetrieve or ServiceFamily.MppsNotification => MatchServices.Mpps,
        _ when ServiceCatalogue.IsUps(family) => MatchServices.Ups,
        ServiceFamily.Worklist => MatchServices.Worklist,
        ServiceFamily.Print or ServiceFamily.PrintMeta => MatchServices.Print,
        ServiceFamily.QrFind or ServiceFamily.QrMove or ServiceFamily.QrGet => MatchServices.QueryRetrieve,
        _ when ServiceCatalogue.IsStorageLike(family) => MatchServices.Storage,
        _ => MatchServices.OtherDimse,
    };

    /// <summary>The service of a SOP Class UID: as the statement that declares it classifies it, else as the other does.</summary>
    private static string ServiceOf(string uid, Party x, Party y) =>
        ServiceOf(x.Family(uid) is ServiceFamily.Unknown ? y.Family(uid) : x.Family(uid));

    private sealed class Run(Party a, Party b)
    {
        public Party A { get; } = a;
        public Party B { get; } = b;
        public List<MatchFinding> Findings { get; } = new();

        // Directions in which a DIMSE exchange or a DICOMweb transaction was found (for the association checks).
        private readonly List<(Party X, Party Y, string XAe, string YAe, string Service)> _dimsePairs = new();
        private readonly HashSet<bool> _webFrom = new();

        private IEnumerable<(Party X, Party Y)> Directions => new[] { (A, B), (B, A) };

        // SOP Classes of "every Storage SOP Class" the other side does not accept as SCP (reported per direction).
        private readonly List<(Party X, Party Y, string Service, string Uid, bool YTakesPart)> _refusedExpanded = new();

        // Services in which at least one exchange works in some direction (for the transport and --require verdicts).
        private readonly HashSet<string> _works = new(StringComparer.Ordinal);

        public void Add(MatchLevel level, string service, string subject, string? uid, Party x, Party y, string message,
            SourceSpan spanX, SourceSpan spanY, IReadOnlyList<MatchItem>? common = null, bool both = false,
            bool blocking = false, IReadOnlyList<MatchItem>? items = null)
        {
            var flow = both ? MatchFlow.Both : x.IsA ? MatchFlow.AToB : MatchFlow.BToA;
            var (sa, sb) = x.IsA ? (spanX, spanY) : (spanY, spanX);
            Findings.Add(new MatchFinding(level, service, subject, uid, flow, message, sa, sb, common ?? Array.Empty<MatchItem>())
            {
                Blocking = blocking,
                Items = items ?? Array.Empty<MatchItem>(),
            });
        }

        /// <summary>Transfer Syntaxes (or SOP Classes) by UID, named as <paramref name="p"/> names them.</summary>
        private static List<MatchItem> TsItems(Party p, IEnumerable<string> uids) => uids.Select(u => new MatchItem(p.TsName(u), u)).ToList();

        private static List<MatchItem> SopItems(Party p, IEnumerable<string> uids) => uids.Select(u => new MatchItem(p.SopName(u), u)).ToList();

        private static List<MatchItem> Plain(IEnumerable<string> names) => names.Select(n => new MatchItem(n)).ToList();

        // ------------------------------------------------------------------------------------------------ DIMSE

        public void Dimse()
        {
            var uids = A.Sops.Keys.Union(B.Sops.Keys).OrderBy(u => u, UidComparer.Instance).ToList();
            foreach (var uid in uids)
                foreach (var (x, y) in Directions)
                    DimseSop(x, y, uid);
            RefusedEveryStorage();
        }

        /// <summary>
        /// The classes of X's "every Storage SOP Class" that Y refuses, as one finding per direction and service that
        /// lists them all (<see cref="MatchFinding.Items"/>): X may send them (it claims them all), Y refuses them.
        /// </summary>
        private void RefusedEveryStorage()
        {
            foreach (var g in _refusedExpanded.GroupBy(r => (r.X, r.Y, r.Service)))
            {
                var (x, y, service) = g.Key;
                var uids = g.Select(r => r.Uid).ToList();
                bool yTakesPart = g.First().YTakesPart;
                bool forwards = uids.All(u => x.Sops[u].IsScp);
                var every = x.S.EveryStorage;
                var spanX = every?.Location.Of("scu") ?? x.Root("sop_classes");
                var total = x.Sops.Values.Count(s => s.Expanded && s.IsScu);
                var names = Text.And(uids.Select(x.SopName), 6);
                var title = MatchServices.Title(service);
                if (!yTakesPart)
                    Add(MatchLevel.Warning, service, $"Every {title} SOP Class", null, x, y,
                        $"{y.Name} accepts no {title} SOP Class as SCP; {x.Name} sends every {title} SOP Class ({total}) as SCU{(forwards ? " (and SCP: it forwards what it receives)" : "")} and needs another system for them.",
                        spanX, y.Root("sop_classes"), items: SopItems(x, uids));
                else
                    Add(forwards ? MatchLevel.Warning : MatchLevel.Incompatible, service, $"Every {title} SOP Class", null, x, y,
                        $"{y.Name} does not accept {uids.Count} of the {title} SOP Classes {x.Name} may send (every {title} SOP Class" +
                        $"{(forwards ? ", as SCU and SCP: it forwards what it receives" : " as SCU")}): {names}. Instances of these classes are refused.",
                        spanX, y.Root("sop_classes"), items: SopItems(x, uids));
            }
        }

        // ------------------------------------------------------------------------------------------------ transport

        /// <summary>
        /// Whether the two have a transport in common on which one initiates and the other accepts: DIMSE (SCU → SCP),
        /// DICOMweb (user agent → origin server), media (FSC/FSU → FSR). None: the pair is incompatible, whatever else
        /// each supports. Transports in common but nothing exchanged works: incompatible too.
        /// </summary>
        public void Transport()
        {
            static string Dimse(Party p)
            {
                bool scu = p.Sops.Values.Any(s => s.IsScu), scp = p.Sops.Values.Any(s => s.IsScp);
                return scu && scp ? "SCU and SCP" : scu ? "SCU" : scp ? "SCP" : "";
            }
            static string Web(Party p)
            {
                bool ua = p.S.DicomWeb.Transactions.Any(t => t.UserAgent), os = p.S.DicomWeb.Transactions.Any(t => t.OriginServer);
                return ua && os ? "user agent and origin server" : ua ? "user agent" : os ? "origin server" : "";
            }
            static string Media(Party p)
            {
                bool w = p.S.MediaProfiles.Any(m => m.Fsc || m.Fsu), r = p.S.MediaProfiles.Any(m => m.Fsr);
                return w && r ? "writes and reads" : w ? "writes" : r ? "reads" : "";
            }
            var transports = new (string Name, Func<Party, string> Use, Func<Party, bool> Starts, Func<Party, bool> Takes, string Field)[]
            {
                ("DIMSE", Dimse, p => p.Sops.Values.Any(s => s.IsScu), p => p.Sops.Values.Any(s => s.IsScp), "sop_classes"),
                ("DICOMweb", Web, p => p.S.DicomWeb.Transactions.Any(t => t.UserAgent), p => p.S.DicomWeb.Transactions.Any(t => t.OriginServer), "dicomweb"),
                ("DICOM media", Media, p => p.S.MediaProfiles.Any(m => m.Fsc || m.Fsu), p => p.S.MediaProfiles.Any(m => m.Fsr), "media"),
            };
            string Uses(Party p)
            {
                var used = transports.Select(t => (t.Name, Use: t.Use(p))).Where(t => t.Use.Length > 0).Select(t => $"{t.Name} ({t.Use})").ToList();
                return used.Count == 0 ? "no transport" : Text.And(used) + (used.Count == 1 ? " only" : "");
            }
            bool any = false;
            foreach (var t in transports)
            {
                bool ab = t.Starts(A) && t.Takes(B), ba = t.Starts(B) && t.Takes(A);
                if (!ab && !ba) continue;
                any = true;
                var how = ab && ba ? "both ways" : ab ? $"from {A.Name} to {B.Name}" : $"from {B.Name} to {A.Name}";
                Add(MatchLevel.Compatible, MatchServices.Transport, t.Name, null, A, B,
                    $"{A.Name} and {B.Name} can exchange over {t.Name} {how}: {A.Name} as {t.Use(A)}, {B.Name} as {t.Use(B)}.",
                    A.Root(t.Field), B.Root(t.Field), both: true);
            }
            if (!any)
                Add(MatchLevel.Incompatible, MatchServices.Transport, "No common transport", null, A, B,
                    $"{A.Name} and {B.Name} have no transport in common: {A.Name} uses {Uses(A)}; {B.Name} uses {Uses(B)}. Neither can send anything the other accepts, so they cannot work together without a third system (e.g. a DIMSE–DICOMweb gateway).",
                    A.S.Location.Span, B.S.Location.Span, both: true, blocking: true);
            else if (_works.Count == 0)
                Add(MatchLevel.Incompatible, MatchServices.Transport, "Nothing exchanged works", null, A, B,
                    $"{A.Name} and {B.Name} share a transport, but no SOP Class, transaction or media profile that one sends works with the other (see the findings below), so they cannot work together.",
                    A.S.Location.Span, B.S.Location.Span, both: true, blocking: true);
        }

        /// <summary>True when an exchange of the service works in some direction (a compatible or warning finding about an exchange).</summary>
        public bool Works(string service) => _works.Contains(service);


        private void DimseSop(Party x, Party y, string uid)
        {
            if (!x.Sops.TryGetValue(uid, out var xs) || !xs.IsScu) return;
            var name = x.SopName(uid);
            var service = ServiceOf(uid, x, y);
            y.Sops.TryGetValue(uid, out var ys);
            if (ys is null || !ys.IsScp)
            {
                if (ys is { IsScu: true } && xs.IsScp) return; // the reverse direction covers it
                if (ys is { IsScu: true })
                {
                    if (x.IsA) // both SCU only: symmetric, report once
                        Add(MatchLevel.Incompatible, service, name, uid, x, y,
                            $"{A.Name} and {B.Name} both support {name} only as SCU: neither accepts it as SCP, so they cannot use it with each other.",
                            xs.Location.Of("scu"), ys.Location.Of("scu"), both: true);
                    return;
                }
                var spanY = ys?.Location.Span ?? y.Root("sop_classes");
                var what = ys is null ? $"{y.Name} does not support {name}" : $"{y.Name} does not accept {name} as SCP (it supports it {OtherRoles(ys)})";
                bool yTakesPart = y.Sops.Values.Any(s => s.IsScp && ServiceOf(y.Family(s.Uid)) == service);
                if (xs.Expanded)
                {
                    // One of the hundreds of classes of "every Storage SOP Class": reported together (RefusedEveryStorage).
                    _refusedExpanded.Add((x, y, service, uid, yTakesPart));
                    return;
                }
                if (!yTakesPart)
                    // Y provides no SOP Class of this service at all: not a mismatch between the two, a service
                    // X needs from some other system (a modality's worklist from the RIS, not from the PACS). A
                    // forwarder (SCU and SCP) is reported too: what it receives cannot go on to Y.
                    Add(MatchLevel.Warning, service, name, uid, x, y,
                        $"{what}, nor any other {MatchServices.Title(service)} SOP Class as SCP; {x.Name} uses it as SCU{(xs.IsScp && service == MatchServices.Storage ? " (and SCP: it forwards what it receives)" : "")} and needs another system for it.",
                        xs.Location.Of("scu"), spanY);
                else if (!xs.IsScp)
                    Add(MatchLevel.Incompatible, service, name, uid, x, y,
                        $"{what}; {x.Name} uses it as SCU.", xs.Location.Of("scu"), spanY);
                else
                    // X stores and forwards this class (SCU and SCP): what reaches Y depends on what X holds.
                    Add(MatchLevel.Warning, service, name, uid, x, y,
                        $"{what}; {x.Name} may send it (it is SCU and SCP for it).", xs.Location.Of("scu"), spanY);
                return;
            }

            foreach (var xae in xs.Scu) foreach (var yae in ys.Scp) _dimsePairs.Add((x, y, xae, yae, service));
            TransferSyntaxes(x, y, xs, ys, service, name);
            ExtendedNegotiation(x, y, xs, ys, service, name);
            var family = x.Family(uid) is ServiceFamily.Unknown ? y.Family(uid) : x.Family(uid);
            bool structured = family is ServiceFamily.QrFind or ServiceFamily.Worklist && StructuredKeys(x, y, service, name, uid,
                family == ServiceFamily.Worklist ? DimseService.Worklist : DimseService.QrFind);
            // The structured key tables, when X declares one for this model; else the template's key tables.
            if (!structured && uid == StudyRootFind)
                QueryKeys(x, y, service, name,
                    "services_scu_study_root_qr_find", "supported_c_find_attribute_matching_for_study_root_q_r_model_scu",
                    "services_scp_study_root_qr_find", "supported_c_find_attribute_matching_for_study_root_q_r_model_scp", DimseTypes);
            if (!structured && uid == ModalityWorklistFind)
                QueryKeys(x, y, service, name,
                    "services_scu_mwl_find", "supported_c_find_query_parameters_for_modality_worklist_scu",
                    "services_scp_mwl_find", "supported_c_find_return_keys_for_modality_worklist_scp", DimseTypes);
            if (service == MatchServices.QueryRetrieve && name.EndsWith("MOVE", StringComparison.OrdinalIgnoreCase))
                MoveDestination(x, y, xs, ys, name);
            if (service == MatchServices.QueryRetrieve && name.EndsWith("GET", StringComparison.OrdinalIgnoreCase))
                GetSubOperations(x, y, xs, ys, uid, name);
        }

        private static string OtherRoles(SopClass sc)
        {
            var r = new List<string>();
            if (sc.UserAgent) r.Add("DICOMweb user agent");
            if (sc.OriginServer) r.Add("DICOMweb origin server");
            if (sc.Fsc) r.Add("FSC");
            if (sc.Fsu) r.Add("FSU");
            if (sc.Fsr) r.Add("FSR");
            return r.Count == 0 ? "with no AE as SCP" : "only as " + Text.And(r);
        }

        private void TransferSyntaxes(Party x, Party y, SopClass xs, SopClass ys, string service, string name)
        {
            // The sets each side uses for this SOP Class in this role, as its activities narrow or replace them.
            var px = x.Effective(xs, ActivityRole.Initiator);
            var py = y.Effective(ys, ActivityRole.Acceptor);
            var proposed = x.Syntaxes(px.SetCodes, out bool xAssumed);
            var accepted = y.Syntaxes(py.SetCodes, out bool yAssumed);
            if (px.Open || py.Open || proposed.Any(accepted.Contains)) _works.Add(service);
            if (py.Open && !(xAssumed && px.Open))
            {
                // "Any Transfer Syntax": whatever X proposes is accepted.
                var all = proposed.Select(x.TsName).ToList();
                Add(MatchLevel.Compatible, service, name, xs.Uid, x, y,
                    $"{y.Name} accepts {name} in any Transfer Syntax proposed{(py.Policy == TransferSyntaxPolicy.AsReceived ? " and keeps it as received" : "")}; {x.Name} proposes {Text.And(all)}" +
                    (px.Open ? " (or the Transfer Syntax in which it received the instance)." : "."),
                    xs.Location.Of("transfer_syntax_sets"), ys.Location.Of("transfer_syntax_policy"), TsItems(x, proposed));
                return;
            }
            if (px.Open && py.Open)
            {
                Add(MatchLevel.Compatible, service, name, xs.Uid, x, y,
                    $"{x.Name} sends {name} in the Transfer Syntax in which it received the instance, and {y.Name} accepts any Transfer Syntax proposed.",
                    xs.Location.Of("transfer_syntax_policy"), ys.Location.Of("transfer_syntax_policy"));
                return;
            }
            var common = proposed.Where(accepted.Contains).ToList();
            if (px.Open)
            {
                // X forwards as received: what reaches Y depends on how X received each instance.
                var names = accepted.Select(y.TsName).ToList();
                Add(common.Count == 0 ? MatchLevel.Warning : MatchLevel.Compatible, service, name, xs.Uid, x, y,
                    $"{x.Name} proposes each instance of {name} in the Transfer Syntax in which it received it" +
                    (common.Count == 0 ? "" : $", and also {Text.And(common.Select(x.TsName))}") +
                    $"; {y.Name} accepts {Text.And(names)}. An instance received in another Transfer Syntax{(common.Count == 0 ? " cannot be sent" : " is sent in a common one only if " + x.Name + " converts it")}.",
                    xs.Location.Of("transfer_syntax_policy"), ys.Location.Of("transfer_syntax_sets"), TsItems(x, common));
                return;
            }
            string note = (xAssumed, yAssumed) switch
            {
                (true, true) => " (Neither statement names a Transfer Syntax for it: the Default Transfer Syntax is assumed, PS3.5 §10.1.)",
                (true, false) => $" ({x.Name} names no Transfer Syntax for it: the Default Transfer Syntax is assumed, PS3.5 §10.1.)",
                (false, true) => $" ({y.Name} names no Transfer Syntax for it: the Default Transfer Syntax is assumed, PS3.5 §10.1.)",
                _ => "",
            };
            var spanX = xs.Location.Of("transfer_syntax_sets");
            var spanY = ys.Location.Of("transfer_syntax_sets");
            var commonNames = common.Select(x.TsName).ToList();
            if (common.Count == 0)
            {
                Add(MatchLevel.Incompatible, service, name, xs.Uid, x, y,
                    $"{y.Name} accepts {name} {(accepted.Count == 1 ? "only " : "")}in {Text.And(accepted.Select(y.TsName))}; " +
                    $"{x.Name} proposes {(proposed.Count == 1 ? "only " : "")}{Text.And(proposed.Select(x.TsName))}: no Transfer Syntax in common.{note}",
                    spanX, spanY);
                return;
            }
            if (common.All(TransferSyntaxKinds.IsLossy))
            {
                Add(MatchLevel.Warning, service, name, xs.Uid, x, y,
                    $"{x.Name} and {y.Name} have only lossy Transfer Syntaxes in common for {name} ({Text.And(commonNames)}): {x.Name}'s data would reach {y.Name} lossy-compressed.{note}",
                    spanX, spanY, TsItems(x, common));
                return;
            }
            if (common.All(TransferSyntaxKinds.IsRetired))
            {
                Add(MatchLevel.Warning, service, name, xs.Uid, x, y,
                    $"{x.Name} and {y.Name} have only retired Transfer Syntaxes in common for {name} ({Text.And(commonNames)}); retired syntaxes may be dropped by later versions.{note}",
                    spanX, spanY, TsItems(x, common));
                return;
            }
            var notAccepted = proposed.Where(t => !accepted.Contains(t)).Select(x.TsName).ToList();
            var extra = notAccepted.Count == 0 ? "" : $" It does not accept {Text.And(notAccepted)}, which {x.Name} also proposes.";
            Add(MatchLevel.Compatible, service, name, xs.Uid, x, y,
                $"{y.Name} accepts {name} from {x.Name} in {Text.And(commonNames)}.{extra}{note}",
                spanX, spanY, TsItems(x, common));
        }

        private void ExtendedNegotiation(Party x, Party y, SopClass xs, SopClass ys, string service, string name)
        {
            var requested = x.Activities(xs.Scu, ActivityRole.Initiator, xs.Uid).SelectMany(a => a.ExtendedNegotiation)
                .Where(n => n.SopClass == xs.Uid && n.Support).GroupBy(n => Norm(n.Negotiation)).Select(g => g.First()).ToList();
            if (requested.Count == 0) return;
            var offered = y.Activities(ys.Scp, ActivityRole.Acceptor, ys.Uid).SelectMany(a => a.ExtendedNegotiation)
                .Where(n => n.SopClass == ys.Uid).ToList();
            var qr = y.S.Dimse;
            bool relationalFlag = (qr.QrFind.Scp?.Relational ?? false) || (qr.QrMove.Scp?.Relational ?? false) || (qr.QrGet.Scp?.Relational ?? false);
            foreach (var n in requested)
            {
                var match = offered.FirstOrDefault(o => Norm(o.Negotiation) == Norm(n.Negotiation));
                bool ok = match?.Support == true || (match is null && relationalFlag && Norm(n.Negotiation).Contains("relational"));
                var spanY = match?.Location.Span ?? ys.Location.Of("scp");
                if (ok)
                    Add(MatchLevel.Compatible, service, name, xs.Uid, x, y,
                        $"{y.Name} supports the {n.Negotiation} extended negotiation that {x.Name} requests for {name}.",
                        n.Location.Span, spanY);
                else
                    Add(MatchLevel.Warning, service, name, xs.Uid, x, y,
                        $"{x.Name} requests the {n.Negotiation} extended negotiation for {name}; {y.Name} {(match is null ? "does not document it" : "does not support it")}, " +
                        $"so it will be refused (PS3.7 D.3.3.5) and {x.Name} must work without it.",
                        n.Location.Span, spanY);
            }
        }

        // C-MOVE: the SCP sends the matches to a destination AE on a new association (PS3.4 C.4.2).
        private void MoveDestination(Party x, Party y, SopClass xs, SopClass ys, string name)
        {
            var sent = SubOperationClasses(y, y.S.Dimse.QrMove.Scp, scuOnly: true);
            var received = StorageScpClasses(x);
            var spanY = y.S.Dimse.QrMove.Scp is { SubOperationSopClasses.Count: > 0 } r ? r.Location.Of("sub_operation_sop_classes") : ys.Location.Of("scp");
            if (received.Count == 0)
            {
                Add(MatchLevel.Warning, MatchServices.QueryRetrieve, name, xs.Uid, x, y,
                    $"{x.Name} retrieves with {name} but accepts no Storage SOP Class as SCP: the C-MOVE destination must be another system (configured in {y.Name} by AE Title, host and port).",
                    xs.Location.Of("scu"), spanY);
                return;
            }
            if (sent.Count == 0) return;
            ReportSubOperations(x, y, xs, name, sent, received, "C-MOVE", spanY,
                $"{y.Name} must know {x.Name}'s AE Title, host and port as a move destination.");
        }

        // C-GET: the SCP sends the matches as C-STORE sub-operations on the same association; the SCU takes the
        // Storage SCP role through SCP/SCU Role Selection Negotiation (PS3.4 C.4.3, PS3.7 D.3.3.4).
        private void GetSubOperations(Party x, Party y, SopClass xs, SopClass ys, string uid, string name)
        {
            var sent = SubOperationClasses(y, y.S.Dimse.QrGet.Scp, scuOnly: false);
            var received = StorageScpClasses(x);
            var spanY = y.S.Dimse.QrGet.Scp is { SubOperationSopClasses.Count: > 0 } r ? r.Location.Of("sub_operation_sop_classes") : ys.Location.Of("scp");
            if (received.Count == 0)
                Add(MatchLevel.Incompatible, MatchServices.QueryRetrieve, name, xs.Uid, x, y,
                    $"{x.Name} retrieves with {name} but accepts no Storage SOP Class as SCP, so it cannot take the C-STORE sub-operations {y.Name} sends on the same association (PS3.4 C.4.3).",
                    xs.Location.Of("scu"), spanY);
            else if (sent.Count > 0)
                ReportSubOperations(x, y, xs, name, sent, received, "C-GET", spanY, null);

            foreach (var (p, role, aes, field) in new[] { (x, ActivityRole.Initiator, xs.Scu, "scu"), (y, ActivityRole.Acceptor, ys.Scp, "scp") })
            {
                var acts = p.Activities(aes, role, uid).ToList();
                if (acts.Count == 0) continue; // no activity documented for it: nothing to judge
                var text = acts.Select(a => a.RoleNegotiation).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
                var sop = p == x ? xs : ys;
                var (sx, sy) = p == x ? (acts[0].Location.Of("role_negotiation"), ys.Location.Of("scp")) : (xs.Location.Of("scu"), acts[0].Location.Of("role_negotiation"));
                if (text is null)
                    Add(MatchLevel.Warning, MatchServices.QueryRetrieve, name, uid, x, y,
                        $"{p.Name} does not document SCP/SCU Role Selection Negotiation for {name}, which C-GET needs for the C-STORE sub-operations (PS3.7 D.3.3.4).",
                        sx, sy);
                else if (Declines(text))
                    Add(MatchLevel.Incompatible, MatchServices.QueryRetrieve, name, uid, x, y,
                        $"{p.Name} does not support SCP/SCU Role Selection Negotiation (\"{Text.Clip(text)}\"), which C-GET needs for the C-STORE sub-operations (PS3.7 D.3.3.4).",
                        sx, sy);
            }
        }

        private static bool Declines(string text)
        {
            var t = text.ToLowerInvariant();
            return t.Contains("not supported") || t.Contains("not support") || t.Contains("rejected") || t.Contains("rejects") || t.Trim() is "no" or "n" or "n/a";
        }

        private void ReportSubOperations(Party x, Party y, SopClass xs, string name, IReadOnlyList<string> sent, IReadOnlyList<string> received,
            string op, SourceSpan spanY, string? advice)
        {
            var common = sent.Where(received.Contains).ToList();
            var missing = sent.Where(u => !received.Contains(u)).ToList();
            var spanX = x.Sops.TryGetValue(received[0], out var r0) ? r0.Location.Of("scp") : xs.Location.Span;
            if (common.Count == 0)
                Add(MatchLevel.Incompatible, MatchServices.QueryRetrieve, name, xs.Uid, x, y,
                    $"{y.Name} sends {op} sub-operations for {Text.And(sent.Select(y.SopName), 6)}; {x.Name} accepts none of them as Storage SCP.",
                    spanX, spanY);
            else if (missing.Count > 0)
                Add(MatchLevel.Warning, MatchServices.QueryRetrieve, name, xs.Uid, x, y,
                    $"{y.Name} may send {op} sub-operations for {Text.And(missing.Select(y.SopName), 6)}, which {x.Name} does not accept as Storage SCP; those sub-operations fail.",
                    spanX, spanY, SopItems(y, common));
            else
                Add(MatchLevel.Compatible, MatchServices.QueryRetrieve, name, xs.Uid, x, y,
                    $"{x.Name} accepts every Storage SOP Class {y.Name} sends in {op} sub-operations ({common.Count}).{(advice is null ? "" : " " + advice)}",
                    spanX, spanY, SopItems(y, common));
        }

        private static IReadOnlyList<string> SubOperationClasses(Party p, ServiceRole? role, bool scuOnly)
        {
            if (role is { SubOperationSopClasses.Count: > 0 }) return role.SubOperationSopClasses.Distinct().OrderBy(u => u, UidComparer.Instance).ToList();
            return p.Sops.Values.Where(s => ServiceOf(p.Family(s.Uid)) == MatchServices.Storage && (s.IsScu || (!scuOnly && s.IsScp)))
                .Select(s => s.Uid).OrderBy(u => u, UidComparer.Instance).ToList();
        }

        private static IReadOnlyList<string> StorageScpClasses(Party p) =>
            p.Sops.Values.Where(s => s.IsScp && ServiceOf(p.Family(s.Uid)) == MatchServices.Storage)
                .Select(s => s.Uid).OrderBy(u => u, UidComparer.Instance).ToList();

        // ------------------------------------------------------------------------------------------------ query keys

        /// <summary>Matching types of a C-FIND key row (<c>matchingtype</c>: the column key of older template data).</summary>
        private static IReadOnlySet<string> DimseTypes(TableRow row) =>
            Cell(row, "matching_type").Concat(Cell(row, "matchingtype"))
                .SelectMany(v => v.Split(new[] { ',', ';', '/' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(t => MatchingType(t.ToUpperInvariant().Replace(' ', '_').Replace('-', '_'))).Where(t => t.Length > 0).ToHashSet();

        /// <summary>The template's matching types, also from the usual abbreviations (S, L, *, U, R, Q).</summary>
        private static string MatchingType(string t) => t switch
        {
            "S" or "SV" or "SINGLE" or "SINGLE_VALUE_MATCHING" => "SINGLE_VALUE",
            "*" or "W" or "WILDCARD_MATCHING" => "WILDCARD",
            "U" or "UNIVERSAL_MATCHING" or "RETURN" => "UNIVERSAL",
            "R" or "RANGE_MATCHING" => "RANGE",
            "L" or "LIST_OF_UID" or "LIST_OF_UIDS" or "UID_LIST" => "UID",
            "Q" or "SEQ" or "SEQUENCE_MATCHING" => "SEQUENCE",
            "-" or "NONE" or "N/A" => "",
            _ => t,
        };

        /// <summary>QIDO-RS attribute rows: a matching key or only a return key.</summary>
        private static IReadOnlySet<string> WebTypes(TableRow row) =>
            new HashSet<string> { Cell(row, "matching_key") is [var first, ..] && YesNo.IsYesAnswer(first) ? "MATCH" : "UNIVERSAL" };

        private static IReadOnlyList<string> Cell(TableRow row, string key) =>
            row.Cells.TryGetValue(key, out var v) ? v : Array.Empty<string>();

        private static string? FirstCell(TableRow row, string key) => Cell(row, key) is [var first, ..] ? first : null;

        private static string KeyOf(TableRow row)
        {
            var tag = FirstCell(row, "tag");
            if (!string.IsNullOrWhiteSpace(tag))
            {
                var t = new string(tag.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')').ToArray()).ToUpperInvariant();
                if (!t.Contains(',') && t.Length == 8) t = t[..4] + "," + t[4..];
                return "(" + t + ")";
            }
            return Norm(FirstCell(row, "attribute_name") ?? "");
        }

        private static string Attr(TableRow row)
        {
            var n = FirstCell(row, "attribute_name");
            var t = FirstCell(row, "tag");
            return (n, t) switch
            {
                (not null, not null) => $"{n} {t}",
                (not null, null) => n,
                (null, not null) => t,
                _ => "(unnamed key)",
            };
        }

        /// <summary>The finding when the other side does not list a key this side sends (PS3.4 C.2.2.1): a template key table or a structured one.</summary>
        private static string KeyNotListed(Party x, Party y, string subject, string attr, IReadOnlySet<string> matching) =>
            matching.Count > 0
                ? $"{x.Name} queries {subject} on {attr} {TypesText(matching)}; {y.Name} does not list this key, so it may ignore the condition and return more matches than asked for (PS3.4 C.2.2.1)."
                : $"{x.Name} asks {subject} for {attr} as a return key; {y.Name} does not list this key, so the value may not be returned.";

        /// <summary>
        /// The finding when the other side lists the key but not the kinds of matching this side uses on it, or null. Wildcard
        /// matching with a value that has no wildcard characters is single value matching (PS3.4 C.2.2.2.4).
        /// </summary>
        private static string? MatchingNotSupported(Party x, Party y, string subject, string attr, IReadOnlySet<string> matching, IReadOnlySet<string> supported)
        {
            var unsupported = matching.Where(t => !supported.Contains(t) && !(t == "SINGLE_VALUE" && supported.Contains("WILDCARD"))).ToList();
            if (unsupported.Count == 0) return null;
            var shown = supported.Where(t => t != "UNIVERSAL").OrderBy(t => t, StringComparer.Ordinal).ToList();
            return shown.Count == 0
                ? $"{x.Name} queries {subject} on {attr} {TypesText(matching)}; {y.Name} returns this key but does not match on it."
                : $"{x.Name} queries {subject} on {attr} with {Text.And(unsupported)} matching; {y.Name} supports only {Text.And(shown)} matching on it.";
        }

        private static string TypesText(IReadOnlySet<string> types) =>
            types.SetEquals(new[] { "MATCH" }) ? "as a matching key" : $"with {Text.And(types.OrderBy(t => t, StringComparer.Ordinal))} matching";

        private void QueryKeys(Party x, Party y, string service, string subject, string xSection, string xTable, string ySection, string yTable,
            Func<TableRow, IReadOnlySet<string>> types)
        {
            var sent = x.Rows(xSection, xTable);
            if (sent.Count == 0) return; // the initiator documents no keys: nothing to compare
            var supported = y.Rows(ySection, yTable);
            if (supported.Count == 0)
            {
                Add(MatchLevel.Warning, service, subject, null, x, y,
                    $"{y.Name} does not document the keys it supports for {subject}; the {sent.Count} keys {x.Name} sends could not be checked.",
                    x.SectionSpan(xSection), y.SectionSpan(ySection));
                return;
            }
            var byKey = new Dictionary<string, TableRow>(StringComparer.Ordinal);
            foreach (var r in supported) byKey.TryAdd(KeyOf(r), r);
            int problems = 0;
            foreach (var row in sent)
            {
                var xt = types(row);
                var matching = xt.Where(t => t != "UNIVERSAL").ToHashSet();
                if (!byKey.TryGetValue(KeyOf(row), out var yrow))
                {
                    problems++;
                    Add(MatchLevel.Warning, service, subject, null, x, y, KeyNotListed(x, y, subject, Attr(row), matching),
                        row.Location.Span, y.SectionSpan(ySection));
                    continue;
                }
                var yt = types(yrow);
                if (matching.Count == 0 || yt.Count == 0) continue;
                if (MatchingNotSupported(x, y, subject, Attr(row), matching, yt) is not { } gap) continue;
                problems++;
                Add(MatchLevel.Warning, service, subject, null, x, y, gap, row.Location.Span, yrow.Location.Span);
            }
            if (problems == 0)
                Add(MatchLevel.Compatible, service, subject, null, x, y,
                    $"{y.Name} supports all {sent.Count} keys {x.Name} sends for {subject}.",
                    x.SectionSpan(xSection), y.SectionSpan(ySection));
        }

        /// <summary>
        /// C-FIND keys from the structured key tables (<c>dimse.*.scu/scp.key_tables</c>, issue 12 point 5): each table X
        /// declares as SCU for this information model (its <c>model</c> named in the SOP Class name, or none) against Y's SCP
        /// table of the same model and level; keys by tag, matching types as for the template tables. False when X has
        /// no such table (the template's tables are compared instead).
        /// </summary>
        private bool StructuredKeys(Party x, Party y, string service, string name, string uid, DimseService dimse)
        {
            bool ForModel(KeyTable t) => t.Service == dimse && (t.Model is null || name.Contains(t.Model, StringComparison.OrdinalIgnoreCase));
            var sent = x.S.Details.KeyTables.Where(t => t.Side == ServiceSide.Scu && ForModel(t) && t.Keys.Count > 0).ToList();
            if (sent.Count == 0) return false;
            var supported = y.S.Details.KeyTables.Where(t => t.Side == ServiceSide.Scp && ForModel(t)).ToList();
            foreach (var xt in sent)
            {
                var level = xt.Level is null ? "" : $" at {xt.Level} level";
                var subject = $"{name}{level}";
                var yt = supported.FirstOrDefault(t => string.Equals(t.Level ?? "", xt.Level ?? "", StringComparison.OrdinalIgnoreCase))
                         ?? (supported.Count == 1 && supported[0].Level is null ? supported[0] : null);
                if (yt is null)
                {
                    Add(MatchLevel.Warning, service, subject, uid, x, y,
                        $"{y.Name} does not document the keys it supports for {subject}; the {xt.Keys.Count} keys {x.Name} sends could not be checked.",
                        xt.Location.Span, supported.FirstOrDefault()?.Location.Span ?? y.Root("dimse"));
                    continue;
                }
                var byTag = new Dictionary<string, KeyAttribute>(StringComparer.OrdinalIgnoreCase);
                foreach (var k in yt.Keys) byTag.TryAdd(k.Tag.Replace(" ", ""), k);
                int problems = 0;
                foreach (var k in xt.Keys)
                {
                    var matching = k.MatchingTypes.Select(t => MatchingType(t.ToUpperInvariant().Replace(' ', '_').Replace('-', '_'))).Where(t => t.Length > 0 && t != "UNIVERSAL").ToHashSet();
                    if (k.MatchingKey == false) matching.Clear();
                    var attr = $"{k.Name} {k.BareTag}";
                    if (!byTag.TryGetValue(k.Tag.Replace(" ", ""), out var yk))
                    {
                        problems++;
                        Add(MatchLevel.Warning, service, subject, uid, x, y, KeyNotListed(x, y, subject, attr, matching),
                            k.Location.Span, yt.Location.Span);
                        continue;
                    }
                    var yTypes = yk.MatchingTypes.Select(t => MatchingType(t.ToUpperInvariant().Replace(' ', '_').Replace('-', '_'))).Where(t => t.Length > 0 && t != "UNIVERSAL").ToHashSet();
                    if (yk.MatchingKey == false) yTypes.Clear();
                    if (matching.Count == 0) continue;
                    if (MatchingNotSupported(x, y, subject, attr, matching, yTypes) is not { } gap) continue;
                    problems++;
                    Add(MatchLevel.Warning, service, subject, uid, x, y, gap, k.Location.Span, yk.Location.Span);
                }
                if (problems == 0)
                    Add(MatchLevel.Compatible, service, subject, uid, x, y,
                        $"{y.Name} supports all {xt.Keys.Count} keys {x.Name} sends for {subject}.",
                        xt.Location.Span, yt.Location.Span);
            }
            return true;
        }

        // ------------------------------------------------------------------------------------------------ association, character sets

        public void Association()
        {
            // Maximum PDU length: one finding for the pair, with the limits of the AEs that take part.
            if (_dimsePairs.Count > 0)
            {
                string Limits(Party p)
                {
                    var aes = _dimsePairs.SelectMany(d => new[] { (d.X, d.XAe), (d.Y, d.YAe) }).Where(t => t.Item1 == p).Select(t => t.Item2).Distinct().ToList();
                    var byValue = aes.GroupBy(ae => p.MaxPdu(ae)).Where(g => g.Key is not null).OrderBy(g => g.Key).ToList();
                    return byValue.Count == 0 ? "" : Text.And(byValue.Select(g => $"{Bytes(g.Key!.Value)} ({string.Join(", ", g)})"));
                }
                string la = Limits(A), lb = Limits(B);
                if (la.Length > 0 && lb.Length > 0)
                {
                    string aeA = _dimsePairs.Select(d => d.X == A ? d.XAe : d.YAe).First(), aeB = _dimsePairs.Select(d => d.X == B ? d.XAe : d.YAe).First();
                    Add(MatchLevel.Compatible, MatchServices.Association, "Maximum PDU length", null, A, B,
                        $"{A.Name} receives PDUs of up to {la}; {B.Name} up to {lb}. Each side sends within the limit the other announces (PS3.7 D.1), so the sizes need not agree.",
                        A.MaxPduSpan(aeA), B.MaxPduSpan(aeB), both: true);
                }
            }
            // Character sets: X sends text to Y when it sends data sets (SCU of anything but Verification) or answers
            // queries (SCP of Query/Retrieve, Worklist, UPS); DICOMweb carries text both ways.
            foreach (var (x, y) in Directions)
            {
                bool sendsText = _webFrom.Count > 0
                    || _dimsePairs.Any(p => p.X == x && p.Service != MatchServices.Verification)
                    || _dimsePairs.Any(p => p.Y == x && p.Service is MatchServices.QueryRetrieve or MatchServices.Worklist or MatchServices.Ups);
                if (!sendsText || x.S.CharacterSets.Count == 0) continue;
                var accepted = y.S.CharacterSets.Select(c => NormCharset(c.DefinedTerm)).ToHashSet();
                var missing = x.S.CharacterSets.Where(c => !IsDefaultRepertoire(c.DefinedTerm) && !accepted.Contains(NormCharset(c.DefinedTerm))).ToList();
                foreach (var c in missing)
                    Add(MatchLevel.Warning, MatchServices.Association, $"Character set {c.DefinedTerm}", null, x, y,
                        $"{x.Name} may send text in {c.DefinedTerm}{(c.Description is null ? "" : $" ({c.Description})")}; {y.Name} does not declare it among its Specific Character Sets, so such names and texts may be rejected or shown wrongly (PS3.5 §6.1).",
                        c.Location.Span, y.Root("character_sets"));
                if (missing.Count == 0)
                    Add(MatchLevel.Compatible, MatchServices.Association, "Specific Character Sets", null, x, y,
                        $"{y.Name} accepts every Specific Character Set {x.Name} may send ({Text.And(x.S.CharacterSets.Select(c => c.DefinedTerm))}).",
                        x.Root("character_sets"), y.Root("character_sets"), Plain(x.S.CharacterSets.Select(c => c.DefinedTerm)));
            }
        }

        private static bool IsDefaultRepertoire(string term) => NormCharset(term) is "ISO_IR 6" or "ISO 2022 IR 6" or "";
        private static string NormCharset(string term) => string.Join(' ', term.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

        private static string Bytes(long n) => n == 0 ? "any length (0 = unlimited)" : n.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

        // ------------------------------------------------------------------------------------------------ DICOMweb

        public void Web()
        {
            foreach (var (x, y) in Directions)
            {
                var uas = x.S.DicomWeb.Transactions.Where(t => t.UserAgent)
                    .OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Transaction, StringComparer.Ordinal).ToList();
                foreach (var xt in uas)
                {
                    var label = WebLabel(xt);
                    var yt = y.S.DicomWeb.Transactions.FirstOrDefault(t => t.OriginServer && SameTransaction(t, xt));
                    if (yt is null)
                    {
                        bool server = y.S.DicomWeb.Transactions.Any(t => t.OriginServer);
                        Add(server ? MatchLevel.Incompatible : MatchLevel.Warning, MatchServices.DicomWeb, label, null, x, y,
                            server ? $"{y.Name} does not offer {label} as origin server; {x.Name} uses it as user agent."
                                   : $"{y.Name} is not a DICOMweb origin server; {x.Name} uses {label} as user agent and needs another system for it.",
                            xt.Location.Of("user_agent"), y.S.DicomWeb.Transactions.FirstOrDefault(t => SameTransaction(t, xt))?.Location.Span ?? y.Root("dicomweb"));
                        continue;
                    }
                    _webFrom.Add(x.IsA);
                    int before = Findings.Count(f => f.Level != MatchLevel.Compatible), start = Findings.Count;
                    var (sx, sy) = (xt.Location, yt.Location);
                    WebList(x, y, label, "resources", "resource", xt.Resources, yt.Resources, s => s.Trim().ToLowerInvariant(), s => s, sx, sy);
                    WebList(x, y, label, "media types", "media type", xt.MediaTypes, yt.MediaTypes, NormMediaType, s => s, sx, sy);
                    WebList(x, y, label, "Transfer Syntaxes", "Transfer Syntax", xt.TransferSyntaxes, yt.TransferSyntaxes, s => s.Trim(), x.TsName, sx, sy);
                    var missingParams = xt.QueryParameters.Where(q => !yt.QueryParameters.Any(p => Norm(p) == Norm(q))).ToList();
                    if (xt.QueryParameters.Count > 0 && yt.QueryParameters.Count > 0 && missingParams.Count > 0)
                        Add(MatchLevel.Warning, MatchServices.DicomWeb, label, null, x, y,
                            $"{x.Name} sends the query parameter{(missingParams.Count == 1 ? "" : "s")} {Text.And(missingParams)} in {label}; {y.Name} does not list {(missingParams.Count == 1 ? "it" : "them")}, so {(missingParams.Count == 1 ? "it" : "they")} may be ignored or refused.",
                            sx.Of("query_parameters"), sy.Of("query_parameters"));
                    var ySearch = y.S.Details.Web.FirstOrDefault(d => d.Index == IndexOf(y.S.DicomWeb.Transactions, yt) && d.Search.Count > 0);
                    if (Norm(xt.Service) == "studies" && Norm(xt.Transaction) == "search" && ySearch is not null)
                        WebSearchKeys(x, y, label, ySearch);
                    else if (Norm(xt.Service) == "studies" && Norm(xt.Transaction) == "search")
                        QueryKeys(x, y, MatchServices.DicomWeb, label,
                            "services_search_qido_rs_ua", "supported_query_attributes_user_agent",
                            "services_search_qido_rs_os", "query_return_key_search_transaction_origin_server", WebTypes);
                    if (Norm(xt.Transaction) == "store") WebStoreClasses(x, y, label, xt, yt);
                    if (Findings.Skip(start).All(f => f.Level != MatchLevel.Incompatible)) _works.Add(MatchServices.DicomWeb);
                    if (Findings.Count(f => f.Level != MatchLevel.Compatible) == before)
                    {
                        var mt = xt.MediaTypes.Where(m => yt.MediaTypes.Any(n => NormMediaType(n) == NormMediaType(m))).ToList();
                        Add(MatchLevel.Compatible, MatchServices.DicomWeb, label, null, x, y,
                            $"{y.Name} offers {label} to {x.Name}{(mt.Count > 0 ? $" with {Text.And(mt)}" : "")}.",
                            sx.Span, sy.Span, Plain(mt));
                    }
                }
            }
        }

        private static int IndexOf(IReadOnlyList<WebTransaction> list, WebTransaction t)
        {
            for (int i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], t)) return i;
            return -1;
        }

        /// <summary>
        /// QIDO-RS keys X sends (its user agent attribute table) against Y's structured search detail (issue 12 point 7):
        /// a matching key must be a searchable attribute of some level (PS3.18 §8.3.4); a return key a searchable,
        /// default-return or includefield attribute (or includefield=all).
        /// </summary>
        private void WebSearchKeys(Party x, Party y, string label, WebDetail search)
        {
            var rows = x.Rows("services_search_qido_rs_ua", "supported_query_attributes_user_agent");
            if (rows.Count == 0) return;
            static string Tag(string t) => new string(t.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            var searchable = search.Search.SelectMany(l => l.Attributes).ToList();
            var returned = search.Search.SelectMany(l => l.DefaultReturn.Concat(l.IncludeField)).Select(Norm).ToHashSet();
            bool all = returned.Contains("all");
            int problems = 0;
            foreach (var row in rows)
            {
                var tag = Tag(Cell(row, "tag") is [var t0, ..] ? t0 : "");
                var attrName = Cell(row, "attribute_name") is [var n0, ..] ? n0 : "";
                bool matchingKey = Cell(row, "matching_key") is [var first, ..] && YesNo.IsYesAnswer(first);
                var hit = searchable.FirstOrDefault(a => tag.Length > 0 ? Tag(a.Tag) == tag : Norm(a.Name) == Norm(attrName));
                if (matchingKey && hit is null)
                {
                    problems++;
                    Add(MatchLevel.Warning, MatchServices.DicomWeb, label, null, x, y,
                        $"{x.Name} searches {label} on {Attr(row)}; {y.Name} does not list it as a searchable attribute, so the condition may be ignored or refused (PS3.18 §8.3.4).",
                        row.Location.Span, search.Location.Of("search"));
                }
                else if (!matchingKey && hit is null && !all && !returned.Contains(Norm(attrName)))
                {
                    problems++;
                    Add(MatchLevel.Warning, MatchServices.DicomWeb, label, null, x, y,
                        $"{x.Name} expects {Attr(row)} in {label} results; {y.Name} neither returns it by default nor lists it for includefield.",
                        row.Location.Span, search.Location.Of("search"));
                }
            }
            if (problems == 0)
                Add(MatchLevel.Compatible, MatchServices.DicomWeb, label, null, x, y,
                    $"{y.Name} supports all {rows.Count} attributes {x.Name} uses in {label}.",
                    x.SectionSpan("services_search_qido_rs_ua"), search.Location.Of("search"));
        }

        private void WebList(Party x, Party y, string label, string kinds, string kind, IReadOnlyList<string> xs, IReadOnlyList<string> ys,
            Func<string, string> norm, Func<string, string> show, Location sx, Location sy)
        {
            if (xs.Count == 0 || ys.Count == 0) return; // not documented on one side
            var field = kinds switch { "resources" => "resources", "media types" => "media_types", _ => "transfer_syntaxes" };
            var yset = ys.Select(norm).ToHashSet();
            var common = xs.Where(v => yset.Contains(norm(v))).ToList();
            var missing = xs.Where(v => !yset.Contains(norm(v))).ToList();
            if (common.Count == 0)
                Add(MatchLevel.Incompatible, MatchServices.DicomWeb, label, null, x, y,
                    $"{y.Name} offers {label} {(ys.Count == 1 ? "only " : "")}with the {(ys.Count == 1 ? kind : kinds)} {Text.And(ys.Select(show))}; {x.Name} uses {(xs.Count == 1 ? "only " : "")}{Text.And(xs.Select(show))}: no {kind} in common.",
                    sx.Of(field), sy.Of(field));
            else if (missing.Count > 0)
                Add(MatchLevel.Warning, MatchServices.DicomWeb, label, null, x, y,
                    $"{y.Name} does not offer the {(missing.Count == 1 ? kind : kinds)} {Text.And(missing.Select(show))} in {label}, which {x.Name} uses; in common: {Text.And(common.Select(show))}.",
                    sx.Of(field), sy.Of(field), common.Select(v => new MatchItem(show(v), kind == "Transfer Syntax" ? v.Trim() : null)).ToList());
        }

        private void WebStoreClasses(Party x, Party y, string label, WebTransaction xt, WebTransaction yt)
        {
            var sent = x.Sops.Values.Where(s => s.UserAgent).Select(s => s.Uid).OrderBy(u => u, UidComparer.Instance).ToList();
            var accepted = y.Sops.Values.Where(s => s.OriginServer).Select(s => s.Uid).ToHashSet();
            if (sent.Count == 0 || accepted.Count == 0) return;
            foreach (var uid in sent.Where(u => !accepted.Contains(u)))
                Add(MatchLevel.Warning, MatchServices.DicomWeb, label, uid, x, y,
                    $"{y.Name} does not accept {x.SopName(uid)} as origin server; {x.Name} may send it with {label}.",
                    x.Sops[uid].Location.Of("user_agent"), yt.Location.Span);
        }

        private static bool SameTransaction(WebTransaction a, WebTransaction b) => Norm(a.Service) == Norm(b.Service) && Norm(a.Transaction) == Norm(b.Transaction);

        /// <summary>"Studies Retrieve (WADO-RS)": the template's service and transaction, with the usual name.</summary>
        public static string WebLabel(WebTransaction t)
        {
            string? alias = (Norm(t.Service), Norm(t.Transaction)) switch
            {
                ("studies", "retrieve") => "WADO-RS",
                ("studies", "store") => "STOW-RS",
                ("studies", "search") => "QIDO-RS",
                ("uri", _) => "WADO-URI",
                ("worklist", _) => "UPS-RS",
                ("notification", _) => "UPS-RS notifications",
                _ => null,
            };
            return $"{t.Service} {t.Transaction}{(alias is null ? "" : $" ({alias})")}";
        }

        private static string NormMediaType(string m) =>
            string.Join(";", m.ToLowerInvariant().Split(';').Select(p => string.Join("=", p.Split('=').Select(q => q.Trim().Trim('"')))));

        // ------------------------------------------------------------------------------------------------ media

        public void Media()
        {
            foreach (var (x, y) in Directions)
            {
                bool anyRead = false;
                foreach (var xp in x.S.MediaProfiles.Where(p => p.Fsc || p.Fsu).OrderBy(p => p.Profile, StringComparer.Ordinal))
                {
                    var role = xp.Fsc && xp.Fsu ? "creates and updates" : xp.Fsc ? "creates" : "updates";
                    var yp = y.S.MediaProfiles.FirstOrDefault(p => p.Fsr && Norm(p.Profile) == Norm(xp.Profile));
                    if (yp is null)
                    {
                        var other = y.S.MediaProfiles.FirstOrDefault(p => Norm(p.Profile) == Norm(xp.Profile));
                        bool reader = y.S.MediaProfiles.Any(p => p.Fsr);
                        Add(reader ? MatchLevel.Incompatible : MatchLevel.Warning, MatchServices.Media, xp.Profile, null, x, y,
                            reader
                                ? $"{y.Name} does not read {xp.Profile} media ({xp.Media}), which {x.Name} {role}; {y.Name} reads {Text.And(y.S.MediaProfiles.Where(p => p.Fsr).Select(p => p.Profile).Distinct())}."
                                : $"{y.Name} reads no DICOM media (no File-Set Reader profile); {x.Name} {role} {xp.Profile} media ({xp.Media}).",
                            xp.Location.Of("profile"), other?.Location.Of("fsr") ?? y.Root("media"));
                        continue;
                    }
                    anyRead = true;
                    _works.Add(MatchServices.Media);
                    Add(MatchLevel.Compatible, MatchServices.Media, xp.Profile, null, x, y,
                        $"{y.Name} reads the {xp.Profile} media ({xp.Media}) that {x.Name} {role} (FSR).",
                        xp.Location.Of("profile"), yp.Location.Of("fsr"));
                }
                if (!anyRead) continue;
                var readable = y.Sops.Values.Where(s => s.Fsr).Select(s => s.Uid).ToHashSet();
                if (readable.Count == 0) continue;
                foreach (var sc in x.Sops.Values.Where(s => (s.Fsc || s.Fsu) && !readable.Contains(s.Uid)).OrderBy(s => s.Uid, UidComparer.Instance))
                    Add(MatchLevel.Warning, MatchServices.Media, x.SopName(sc.Uid), sc.Uid, x, y,
                        $"{x.Name} writes {x.SopName(sc.Uid)} to media; {y.Name} does not read it as FSR.",
                        sc.Location.Of(sc.Fsc ? "fsc" : "fsu"), y.Root("sop_classes"));
            }
        }

        // ------------------------------------------------------------------------------------------------ security

        public void Security()
        {
            // Secure transport matters only on a transport the two share: DIMSE associations between them, and
            // DICOMweb requests of one to the other (none in common: the transport finding says it all).
            if (_dimsePairs.Count > 0) DimseTls();
            foreach (var (x, y) in Directions.Where(d => _webFrom.Contains(d.Item1.IsA))) WebTls(x, y);
            TlsDetails();

            // Other profiles: what one side creates or sends, the other should consume or receive.
            foreach (var (x, y) in Directions)
            {
                // Only profiles whose product one side makes for the other: digital signatures and secured media
                // (audit trail, de-identification and user identity profiles concern other systems or are checked below).
                foreach (var p in x.S.Security.Profiles.Where(p => p.Kind is "digital_signature" or "media_storage" && p.Sender).OrderBy(p => p.Profile, StringComparer.Ordinal))
                {
                    var q = y.S.Security.Profiles.FirstOrDefault(o => o.Receiver && NormProfile(o.Profile) == NormProfile(p.Profile));
                    var what = KindText(p.Kind);
                    if (q is null)
                        Add(MatchLevel.Warning, MatchServices.Security, p.Profile, null, x, y,
                            $"{x.Name} creates {what} with the {p.Profile}; {y.Name} does not support it as receiver, so it cannot verify or read them.",
                            p.Location.Of("sender"), y.Root("security"));
                    else
                        Add(MatchLevel.Compatible, MatchServices.Security, p.Profile, null, x, y,
                            $"{y.Name} supports the {p.Profile} as receiver for the {what} {x.Name} creates.",
                            p.Location.Of("sender"), q.Location.Of("receiver"));
                }
                // User Identity Negotiation (PS3.7 D.3.3.7): types the initiator sends against types the acceptor supports.
                var sentTypes = x.S.Security.UserIdentityInitiator.Where(u => u.Supported).ToList();
                var acceptedTypes = y.S.Security.UserIdentityAcceptor.Where(u => u.Supported).Select(u => u.Type).ToHashSet();
                if (sentTypes.Count == 0 || y.S.Security.UserIdentityAcceptor.Count == 0) continue;
                foreach (var u in sentTypes.Where(u => !acceptedTypes.Contains(u.Type)))
                    Add(MatchLevel.Warning, MatchServices.Security, $"User Identity type {u.Type}", null, x, y,
                        $"{x.Name} sends User Identity type {u.Type} ({UserIdentityTypes.Name(u.Type) ?? "not a PS3.7 type"}); {y.Name} does not accept it, so it is ignored, or the association is rejected if {x.Name} asks for a positive response (PS3.7 D.3.3.7).",
                        u.Location.Span, y.Root("security"));
            }
        }

        private static List<SecurityProfile> TlsProfiles(Party p) => p.S.Security.Profiles.Where(x => x.Kind == "secure_transport").ToList();

        /// <summary>Secure Transport Connection Profiles (PS3.15 Annex B) for the DIMSE associations between the two.</summary>
        private void DimseTls()
        {
            var ta = TlsProfiles(A);
            var tb = TlsProfiles(B);
            const string tls = "Secure transport (TLS)";
            if (ta.Count == 0 && tb.Count == 0)
                Add(MatchLevel.Warning, MatchServices.Security, tls, null, A, B,
                    $"Neither {A.Name} nor {B.Name} supports a Secure Transport Connection Profile: their DIMSE associations are not encrypted (PS3.15 Annex B).",
                    A.Root("security"), B.Root("security"), both: true);
            else if (ta.Count == 0 || tb.Count == 0)
            {
                var (with, without, list) = ta.Count > 0 ? (A, B, ta) : (B, A, tb);
                Add(MatchLevel.Warning, MatchServices.Security, tls, null, with, without,
                    $"{without.Name} supports no Secure Transport Connection Profile; {with.Name}'s {Text.And(list.Select(p => p.Profile).Distinct())} cannot be used with it, so their DIMSE associations are not encrypted.",
                    list[0].Location.Of("profile"), without.Root("security"), both: true);
            }
            else
            {
                var common = ta.Where(p => tb.Any(q => NormProfile(q.Profile) == NormProfile(p.Profile))).Select(p => p.Profile).Distinct().ToList();
                if (common.Count == 0)
                    Add(MatchLevel.Incompatible, MatchServices.Security, tls, null, A, B,
                        $"{A.Name} supports {Text.And(ta.Select(p => p.Profile).Distinct())}; {B.Name} supports {Text.And(tb.Select(p => p.Profile).Distinct())}: no Secure Transport Connection Profile in common, so they cannot open a secure DIMSE association to each other.",
                        ta[0].Location.Of("profile"), tb[0].Location.Of("profile"), both: true);
                else
                {
                    var pa = ta.First(p => NormProfile(p.Profile) == NormProfile(common[0]));
                    var pb = tb.First(p => NormProfile(p.Profile) == NormProfile(common[0]));
                    Add(MatchLevel.Compatible, MatchServices.Security, tls, null, A, B,
                        $"{A.Name} and {B.Name} both support {Text.And(common)} for their DIMSE associations.",
                        pa.Location.Of("profile"), pb.Location.Of("profile"), Plain(common), both: true);
                }
            }
        }

        /// <summary>
        /// DICOMweb requests of X (user agent) to Y (origin server): encrypted when Y's base URL is https (the user agent
        /// must then speak TLS to reach it at all, PS3.18 §8.1), else when Y declares a secure transport profile.
        /// </summary>
        private void WebTls(Party x, Party y)
        {
            const string tls = "Secure transport (HTTPS)";
            var url = y.S.DicomWeb.BaseUrl;
            var spanY = y.Root("dicomweb");
            if (url is not null && url.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                Add(MatchLevel.Compatible, MatchServices.Security, tls, null, x, y,
                    $"{y.Name}'s DICOMweb base URL ({url.Trim()}) is https: {x.Name}'s requests to it are encrypted with TLS.",
                    x.Root("dicomweb"), spanY);
            else if (TlsProfiles(y).Count > 0 && TlsProfiles(x).Count > 0)
                Add(MatchLevel.Compatible, MatchServices.Security, tls, null, x, y,
                    $"{x.Name} and {y.Name} both support a Secure Transport Connection Profile; {y.Name}'s base URL is {(url is null ? "not stated" : url.Trim())}, so check that {x.Name} is configured with its https address.",
                    TlsProfiles(x)[0].Location.Of("profile"), TlsProfiles(y)[0].Location.Of("profile"));
            else
                Add(MatchLevel.Warning, MatchServices.Security, tls, null, x, y,
                    url is null
                        ? $"{y.Name} states no DICOMweb base URL and {(TlsProfiles(y).Count == 0 ? "no" : "a")} Secure Transport Connection Profile{(TlsProfiles(x).Count == 0 ? $", {x.Name} none" : "")}: {x.Name}'s requests to it may not be encrypted."
                        : $"{y.Name}'s DICOMweb base URL ({url.Trim()}) is not https: {x.Name}'s requests to it are not encrypted.",
                    x.Root("dicomweb"), spanY);
        }

        /// <summary>TLS versions and cipher suites both declare (issue 12 point 9): none in common means no TLS connection.</summary>
        private void TlsDetails()
        {
            if (A.S.Details.Tls is not { } ta || B.S.Details.Tls is not { } tb || (_dimsePairs.Count == 0 && _webFrom.Count == 0)) return;
            // "TLS 1.2", "TLSv1.2" and "1.2" name the same version.
            static string V(string v) => new(v.Where(c => char.IsDigit(c) || c == '.').ToArray());
            if (ta.Versions.Count > 0 && tb.Versions.Count > 0)
            {
                var common = ta.Versions.Where(v => tb.Versions.Any(w => V(w) == V(v))).ToList();
                Add(common.Count == 0 ? MatchLevel.Incompatible : MatchLevel.Compatible, MatchServices.Security, "TLS versions", null, A, B,
                    common.Count == 0
                        ? $"{A.Name} supports {Text.And(ta.Versions)}; {B.Name} supports {Text.And(tb.Versions)}: no TLS version in common, so they cannot open a TLS connection to each other."
                        : $"{A.Name} and {B.Name} both support {Text.And(common)}.",
                    ta.Location.Of("versions"), tb.Location.Of("versions"), Plain(common), both: true);
            }
            if (ta.CipherSuites.Count > 0 && tb.CipherSuites.Count > 0)
            {
                var common = ta.CipherSuites.Select(c => c.Name).Where(n => tb.CipherSuites.Any(c => Norm(c.Name) == Norm(n))).Distinct().ToList();
                Add(common.Count == 0 ? MatchLevel.Incompatible : MatchLevel.Compatible, MatchServices.Security, "TLS cipher suites", null, A, B,
                    common.Count == 0
                        ? $"{A.Name} and {B.Name} declare no TLS cipher suite in common ({A.Name}: {Text.And(ta.CipherSuites.Select(c => c.Name), 4)}; {B.Name}: {Text.And(tb.CipherSuites.Select(c => c.Name), 4)}), so the TLS handshake fails."
                        : $"{A.Name} and {B.Name} both support the cipher suite{(common.Count == 1 ? "" : "s")} {Text.And(common, 4)}.",
                    ta.Location.Of("cipher_suites"), tb.Location.Of("cipher_suites"), Plain(common), both: true);
            }
        }

        private static string KindText(string kind) => kind switch
        {
            "secure_use" => "secure use / user identity",
            "digital_signature" => "digital signatures",
            "media_storage" => "secured media",
            _ => "security profile",
        };

        private static string NormProfile(string p)
        {
            var n = Norm(p);
            return n.EndsWith(" profile", StringComparison.Ordinal) ? n[..^" profile".Length] : n;
        }
    }

    /// <summary>"Studies Retrieve (WADO-RS)": a DICOMweb transaction as match reports name it.</summary>
    internal static string WebLabel(WebTransaction t) => Run.WebLabel(t);

    internal static string Norm(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Sentence helpers.</summary>
internal static class Text
{
    /// <summary>"a", "a and b", "a, b and c"; with <paramref name="max"/>, "a, b, … and 3 more".</summary>
    public static string And(IEnumerable<string> items, int max = int.MaxValue)
    {
        var l = items.ToList();
        if (l.Count > max) return string.Join(", ", l.Take(max)) + $" and {l.Count - max} more";
        return l.Count switch
        {
            0 => "none",
            1 => l[0],
            _ => string.Join(", ", l.Take(l.Count - 1)) + " and " + l[^1],
        };
    }

    public static string Clip(string s, int n = 60)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= n ? one : one[..(n - 1)] + "…";
    }
}
