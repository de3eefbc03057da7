using System.Globalization;
using System.Text;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Python's <c>repr(float)</c>, which is also its <c>str()</c>: the shortest digits that round-trip,
/// written in fixed notation when the decimal exponent is in [-4, 16) and always with a fractional
/// part (<c>2.0</c>), else in scientific notation with a signed two-digit exponent (<c>1e-05</c>,
/// <c>1.5e+16</c>). Used so that values joined into strings match the SageMaker SDK's local mode.
/// </summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        // .NET's "R" gives the same shortest round-trip digits as Python; only the layout differs.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? text : text[..dot];
        var fractionPart = dot < 0 ? "" : text[(dot + 1)..];
        var digits = (integerPart + fractionPart).TrimStart('0');

        // The value is 0.<digits> x 10^point.
        var point = integerPart.Length + exponent - ((integerPart + fractionPart).Length - digits.Length);
        digits = digits.TrimEnd('0');
        var sign = negative ? "-" : "";
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        return point is > -4 and <= 16 ? sign + Fixed(digits, point) : sign + Scientific(digits, point - 1);
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length) + ".0";
        }

        return digits[..point] + "." + digits[point..];
    }

    private static string Scientific(string digits, int exponent)
    {
        var builder = new StringBuilder();
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
