using System.Text.RegularExpressions;

namespace Attio.Emulator.Values;

/// <summary>Host-name checks and the registrable ("root") domain, with a short list of two-label public suffixes.</summary>
internal static partial class DomainNames
{
    private static readonly HashSet<string> TwoLabelSuffixes = new(StringComparer.Ordinal)
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "com.au", "net.au", "org.au", "edu.au",
        "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "co.za", "com.br", "com.mx", "com.ar", "com.cn", "com.hk",
        "com.sg", "com.tr", "co.in", "co.il", "co.kr", "com.tw", "co.id", "com.my", "com.ph",
    };

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex HostPattern();

    public static bool IsValidHost(string host) => HostPattern().IsMatch(host);

    public static string RootOf(string host)
    {
        var labels = host.Split('.');
        if (labels.Length <= 2)
        {
            return host;
        }

        var lastTwo = string.Join('.', labels[^2..]);
        var take = TwoLabelSuffixes.Contains(lastTwo) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
