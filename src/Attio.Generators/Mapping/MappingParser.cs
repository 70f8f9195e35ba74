using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Attio.Generators.Common;
using Attio.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Attio.Generators.Mapping;

/// <summary>
/// Turns a class with <c>[AttioObject]</c> into a <see cref="MappedClassModel"/>. Runs inside the
/// ForAttributeWithMetadataName transform: no symbol, syntax node or compilation leaves it.
/// </summary>
internal static class MappingParser
{
    public const string ObjectAttributeName = "Attio.AttioObjectAttribute";
    public const string MapAttributeName = "Attio.AttioMapAttribute";

    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>The cheap syntax check: a type declaration that has at least one attribute list.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is TypeDeclarationSyntax { AttributeLists.Count: > 0 };

    /// <summary>The generator's transform: no locations, since the generator reports no mapping diagnostic (the analyzer does).</summary>
    public static MappedClassModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol type ? UnchangedClasses.Parse(type, context.TargetNode, context.Attributes, cancellationToken) : null;

    /// <summary>
    /// The model of <paramref name="type"/>. With a <paramref name="declaration"/>, only the declaration holding the first
    /// <c>[AttioObject]</c> yields it (the generator's transform runs once per partial declaration); the analyzer passes null.
    /// </summary>
    /// <param name="readSyntax">True for the generator: members are read from syntax where possible; see <see cref="MemberSyntaxReader"/>.</param>
    /// <param name="foundAttributes">The generator's <c>[AttioObject]</c> attributes on <paramref name="declaration"/>, as ForAttributeWithMetadataName found them.</param>
    public static MappedClassModel? Parse(INamedTypeSymbol type, SyntaxNode? declaration, bool includeLocations, CancellationToken cancellationToken,
        bool readSyntax = false, ImmutableArray<AttributeData> foundAttributes = default) =>
        Parse(type, declaration, includeLocations, cancellationToken, readSyntax, foundAttributes, out _);

    /// <param name="membersFromSyntax">True when every member was read from syntax (not through the symbol fallback).</param>
    internal static MappedClassModel? Parse(INamedTypeSymbol type, SyntaxNode? declaration, bool includeLocations, CancellationToken cancellationToken,
        bool readSyntax, ImmutableArray<AttributeData> foundAttributes, out bool membersFromSyntax)
    {
        membersFromSyntax = false;
        // With one declaration, the attributes the driver found on it are all of them, in source order.
        bool singleDeclaration = type.DeclaringSyntaxReferences.Length == 1;
        ImmutableArray<AttributeData> objectAttributes = singleDeclaration && !foundAttributes.IsDefault && declaration is not null
            ? foundAttributes
            : ObjectAttributes(type);
        if (objectAttributes.Length == 0)
        {
            return null;
        }

        var first = objectAttributes[0].ApplicationSyntaxReference!;
        if (declaration is not null && (first.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(first.Span)))
        {
            return null;
        }

        var locations = new Locations(includeLocations);
        var targets = new List<TargetModel>();
        foreach (var attribute in objectAttributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var syntax = attribute.ApplicationSyntaxReference!.GetSyntax(cancellationToken) as AttributeSyntax;
            string slug = SlugOf(attribute);
            string? matchOn = MatchOnOf(attribute);
            var slugLocation = locations.PositionalArgument(syntax) ?? locations.Of(syntax?.GetLocation());
            targets.Add(new TargetModel(slug, matchOn, slugLocation, locations.NamedArgument(syntax, "MatchOn")));
        }

        var members = new List<(int Order, string Path, MappedMemberModel Member)>(8);
        membersFromSyntax = readSyntax && MemberSyntaxReader.TryRead(type, members, cancellationToken);
        if (!membersFromSyntax)
        {
            members.Clear();
            ReadMembers(type, members, locations, cancellationToken);
        }

        bool isPartial = true;
        string? effective = "public";
        var types = new List<TypePart>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            isPartial &= current.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            effective = current.DeclaredAccessibility switch
            {
                Accessibility.Public => effective,
                Accessibility.Internal or Accessibility.ProtectedOrInternal => effective is null ? null : "internal",
                _ => null,
            };
            types.Insert(0, Part(current));
        }

        return new MappedClassModel(
            Namespace(type.ContainingNamespace),
            types.ToEquatableArray(),
            isPartial,
            type.IsValueType,
            effective == "public",
            effective is not null,
            locations.Of(type.Locations.FirstOrDefault()),
            targets.ToEquatableArray(),
            InSourceOrder(members));
    }

    private static ImmutableArray<AttributeData> ObjectAttributes(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(a => IsObjectAttribute(a.AttributeClass) && a.ApplicationSyntaxReference is not null)
            .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
            .ToImmutableArray();

    // Syntax reading already yields source order; only the symbol path (and partial classes) need sorting.
    private static EquatableArray<MappedMemberModel> InSourceOrder(List<(int Order, string Path, MappedMemberModel Member)> members)
    {
        for (int i = 1; i < members.Count; i++)
        {
            int byPath = string.CompareOrdinal(members[i - 1].Path, members[i].Path);
            if (byPath > 0 || (byPath == 0 && members[i - 1].Order > members[i].Order))
            {
                return members.OrderBy(m => m.Path, System.StringComparer.Ordinal).ThenBy(m => m.Order).Select(m => m.Member).ToEquatableArray();
            }
        }

        return members.Select(m => m.Member).ToEquatableArray();
    }

    /// <summary>The members through their symbols: what the analyzer uses, and the generator when syntax is not enough.</summary>
    private static void ReadMembers(INamedTypeSymbol type, List<(int Order, string Path, MappedMemberModel Member)> members, Locations locations, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITypeSymbol? memberType = member switch
            {
                IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } p => p.Type,
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, IsConst: false } f => f.Type,
                _ => null,
            };
            if (memberType is null)
            {
                continue;
            }

            AddMappings(member, member.Name, memberType, member.GetAttributes(), members, locations, cancellationToken);
        }

        // Positional record parameters: [AttioMap] without a target sits on the parameter; the value is read from the property.
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is RecordDeclarationSyntax))
            {
                continue;
            }

            foreach (var parameter in constructor.Parameters)
            {
                var property = type.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (property is not null)
                {
                    AddMappings(parameter, property.Name, property.Type, parameter.GetAttributes(), members, locations, cancellationToken);
                }
            }
        }
    }

    private static void AddMappings(ISymbol member, string accessName, ITypeSymbol type, IEnumerable<AttributeData> attributes,
        List<(int, string, MappedMemberModel)> members, Locations locations, CancellationToken cancellationToken)
    {
        foreach (var attribute in attributes)
        {
            if (!IsAttioType(attribute.AttributeClass, "AttioMapAttribute"))
            {
                continue;
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var slugLocation = locations.PositionalArgument(syntax) ?? locations.Of(member.Locations.FirstOrDefault());
            string slug = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            int order = syntax?.SpanStart ?? member.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0;
            string path = syntax?.SyntaxTree.FilePath ?? string.Empty;
            members.Add((order, path, new MappedMemberModel(
                member.Name,
                Escape(accessName),
                Classify(type),
                slug,
                Named(attribute, "Object"),
                NamedInt(attribute, "WhenNull"),
                NamedInt(attribute, "Multiselect"),
                slugLocation,
                locations.NamedArgument(syntax, "Object") ?? slugLocation)));
        }
    }

    // Keyed weakly by symbol: a referenced assembly's types are the same symbols in every compilation of a project, so
    // their shapes (a display string each) are formatted once; a compilation's own types leave with it.
    private static readonly ConditionalWeakTable<ITypeSymbol, TypeShape> Shapes = new();

    // One delegate: a method group passed per call would allocate one on the per-edit path.
    private static readonly ConditionalWeakTable<ITypeSymbol, TypeShape>.CreateValueCallback ClassifyOnce = ClassifyUncached;

    public static TypeShape Classify(ITypeSymbol type) => Shapes.GetValue(type, ClassifyOnce);

    private static TypeShape ClassifyUncached(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return Classify(nullable.TypeArguments[0]) with { IsNullableValueType = true };
        }

        if (type.TypeKind == TypeKind.Error)
        {
            return new TypeShape(ValueKind.Unresolved, type.ToDisplayString(), false, false, EquatableArray<string>.Empty, null);
        }

        string name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified);
        TypeShape Shape(ValueKind kind, TypeShape? element = null, EquatableArray<string> enumMembers = default) =>
            new(kind, name, type.IsValueType, false, enumMembers.Count == 0 ? EquatableArray<string>.Empty : enumMembers, element);

        var kind = type.SpecialType switch
        {
            SpecialType.System_String => ValueKind.String,
            SpecialType.System_SByte => ValueKind.SByte,
            SpecialType.System_Byte => ValueKind.Byte,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            SpecialType.System_Single => ValueKind.Single,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_Decimal => ValueKind.Decimal,
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_DateTime => ValueKind.DateTime,
            _ => ValueKind.Other,
        };
        if (kind != ValueKind.Other)
        {
            return Shape(kind);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            // One name per value: aliases would make the generated switch arms unreachable.
            var enumMembers = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsStatic && f.HasConstantValue)
                .GroupBy(f => f.ConstantValue).Select(g => Escape(g.First().Name));
            return Shape(ValueKind.Enum, enumMembers: enumMembers.ToEquatableArray());
        }

        kind = TopLevelName(type.OriginalDefinition) switch
        {
            "System.DateOnly" => ValueKind.DateOnly,
            "System.DateTimeOffset" => ValueKind.DateTimeOffset,
            "Attio.PersonalName" => ValueKind.PersonalName,
            "Attio.Location" => ValueKind.Location,
            "Attio.PhoneNumber" => ValueKind.PhoneNumber,
            "Attio.RecordReference" => ValueKind.RecordReference,
            "Attio.ActorReference" => ValueKind.ActorReference,
            "Attio.SelectOption" => ValueKind.SelectOption,
            "Attio.StatusOption" => ValueKind.StatusOption,
            _ => ValueKind.Other,
        };
        if (kind != ValueKind.Other)
        {
            return Shape(kind);
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank == 1 ? Shape(ValueKind.Collection, ElementShape(array.ElementType)) : Shape(ValueKind.Other);
        }

        if (type is INamedTypeSymbol named)
        {
            var enumerable = named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                ? named
                : named.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            if (enumerable is not null)
            {
                return Shape(ValueKind.Collection, ElementShape(enumerable.TypeArguments[0]));
            }
        }

        return Shape(ValueKind.Other);
    }

    // The transform re-runs for every mapped class on every compilation change, so these checks avoid
    // ToDisplayString (which formats and allocates) in favour of comparing names.
    public static bool IsObjectAttribute(INamedTypeSymbol? type) => IsAttioType(type, "AttioObjectAttribute");

    private static bool IsAttioType(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingNamespace is { Name: "Attio", ContainingNamespace.IsGlobalNamespace: true };

    private static string? TopLevelName(ITypeSymbol type) =>
        type.ContainingType is null && type.ContainingNamespace is { IsGlobalNamespace: false } ns && ns.ContainingNamespace.IsGlobalNamespace
            ? ns.Name + "." + type.Name
            : null;

    private static TypeShape ElementShape(ITypeSymbol element)
    {
        var shape = Classify(element);
        return shape.IsCollection ? shape with { Kind = ValueKind.Other, Element = null } : shape;
    }

    private static TypePart Part(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
        var parameters = type.TypeParameters.Length == 0 ? EquatableArray<string>.Empty : type.TypeParameters.Select(p => p.Name).ToEquatableArray();
        return new TypePart(keyword, type.Name, parameters);
    }

    // The namespace as its names joined, keywords escaped (what ToDisplayString gave), without Roslyn's display machinery.
    private static string? Namespace(INamespaceSymbol? ns)
    {
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        string name = Escape(ns.Name);
        for (var outer = ns.ContainingNamespace; outer is { IsGlobalNamespace: false }; outer = outer.ContainingNamespace)
        {
            name = Escape(outer.Name) + "." + name;
        }

        return name;
    }

    private static string Escape(string name) => TypeNames.Escape(name);

    /// <summary>The object slug of an <c>[AttioObject]</c> (empty when it is not a string).</summary>
    public static string SlugOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;

    /// <summary>The <c>MatchOn</c> of an <c>[AttioObject]</c>, if set.</summary>
    public static string? MatchOnOf(AttributeData attribute) => Named(attribute, "MatchOn");

    private static string? Named(AttributeData attribute, string name) => NamedValue(attribute, name) as string;

    private static int NamedInt(AttributeData attribute, string name) => NamedValue(attribute, name) is int value ? value : 0;

    // A loop, not LINQ: the generator asks for every mapped class on every edit.
    private static object? NamedValue(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    /// <summary>Diagnostic sites, computed only for the analyzer: line spans cost time, and in the generator's model they would make a
    /// whitespace edit above a class look like a change of the class.</summary>
    private readonly struct Locations(bool include)
    {
        public LocationInfo? Of(Location? location) => include ? LocationInfo.From(location) : null;

        public LocationInfo? PositionalArgument(AttributeSyntax? syntax) =>
            include && syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null) is { } argument
                ? LocationInfo.From(argument.Expression.GetLocation())
                : null;

        public LocationInfo? NamedArgument(AttributeSyntax? syntax, string name) =>
            include && syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } argument
                ? LocationInfo.From(argument.Expression.GetLocation())
                : null;
    }
}
