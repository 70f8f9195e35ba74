namespace Attio.Emulator.Values;

/// <summary>
/// A small table of international calling codes (assumption U17): enough to turn a national number plus
/// country into E.164 and to name the country of a "+" number, without a full libphonenumber.
/// </summary>
internal static class CallingCodes
{
    private static readonly (string Country, string Code)[] Table =
    [
        ("US", "1"), ("CA", "1"), ("GB", "44"), ("DE", "49"), ("FR", "33"), ("AU", "61"), ("NZ", "64"),
        ("IE", "353"), ("NL", "31"), ("BE", "32"), ("LU", "352"), ("CH", "41"), ("AT", "43"), ("ES", "34"),
        ("PT", "351"), ("IT", "39"), ("DK", "45"), ("SE", "46"), ("NO", "47"), ("FI", "358"), ("IS", "354"),
        ("PL", "48"), ("CZ", "420"), ("SK", "421"), ("HU", "36"), ("RO", "40"), ("BG", "359"), ("GR", "30"),
        ("HR", "385"), ("SI", "386"), ("EE", "372"), ("LV", "371"), ("LT", "370"), ("UA", "380"), ("TR", "90"),
        ("IL", "972"), ("AE", "971"), ("SA", "966"), ("IN", "91"), ("PK", "92"), ("SG", "65"), ("MY", "60"),
        ("ID", "62"), ("PH", "63"), ("TH", "66"), ("VN", "84"), ("HK", "852"), ("TW", "886"), ("CN", "86"),
        ("JP", "81"), ("KR", "82"), ("BR", "55"), ("AR", "54"), ("CL", "56"), ("CO", "57"), ("PE", "51"),
        ("MX", "52"), ("ZA", "27"), ("NG", "234"), ("KE", "254"), ("EG", "20"), ("MA", "212"),
    ];

    public static string? ForCountry(string country) =>
        Table.FirstOrDefault(e => e.Country == country).Code;

    /// <summary>The country of an E.164 number, by the longest matching calling code (first listed wins for "+1").</summary>
    public static string? CountryOf(string digits)
    {
        foreach (var length in new[] { 3, 2, 1 })
        {
            if (digits.Length < length)
            {
                continue;
            }

            var prefix = digits[..length];
            var hit = Table.FirstOrDefault(e => e.Code == prefix);
            if (hit.Country is not null)
            {
                return hit.Country;
            }
        }

        return null;
    }
}
