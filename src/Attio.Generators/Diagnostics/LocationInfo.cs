using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Attio.Generators.Diagnostics;

/// <summary>An equatable stand-in for <see cref="Location"/>: a file path and a span, cacheable in the pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location == Location.None)
        {
            return null;
        }

        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
    }

    public static LocationInfo InFile(string path, int start, int end, int line, int column, int endLine, int endColumn) =>
        new(path, TextSpan.FromBounds(start, Math.Max(start, end)), new LinePositionSpan(new LinePosition(line, column), new LinePosition(endLine, endColumn)));
}

/// <summary>An equatable diagnostic: descriptor id, message arguments and location, turned into a real Diagnostic at report time.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, Common.EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, new Common.EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticCatalog.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.ToArrayOfObjects());
}

internal static class EquatableArrayExtensions
{
    public static object[] ToArrayOfObjects(this Common.EquatableArray<string> items)
    {
        var result = new object[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = items[i];
        }

        return result;
    }
}
