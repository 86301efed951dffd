using System.Text;
using Batuta.Python.Ast;

namespace Batuta.Python.Tests.Text;

/// <summary>BOM, coding declarations, newlines and null bytes, as CPython's decode_str treats them.</summary>
public class SourceDecodingTests
{
    private static string Dump(byte[] source)
    {
        var r = PythonParser.Parse(source);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics.Select(d => d.Format())));
        return AstDump.Dump(r.Module!);
    }

    [Fact]
    public void Latin1_declaration_decodes_bytes()
    {
        var bytes = Encoding.ASCII.GetBytes("# -*- coding: latin-1 -*-\nx = '").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("'\n")).ToArray();
        Assert.Contains("Constant(value='é')", Dump(bytes));
    }

    [Fact]
    public void Koi8_declaration_on_second_line_decodes_bytes()
    {
        var bytes = Encoding.ASCII.GetBytes("#!/usr/bin/env python\n# coding: koi8-r\ns = '").Concat(new byte[] { 0xF0, 0xD2 }).Concat(Encoding.ASCII.GetBytes("'\n")).ToArray();
        Assert.Contains("Constant(value='Пр')", Dump(bytes));
    }

    [Fact]
    public void Declaration_after_code_is_ignored()
    {
        var bytes = Encoding.UTF8.GetBytes("x = 1\n# coding: latin-1\ny = 'é'\n");
        Assert.Contains("Constant(value='é')", Dump(bytes));
    }

    [Fact]
    public void Utf8_bom_is_skipped_and_conflicting_cookie_rejected()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        Assert.Equal("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])", Dump(bom.Concat(Encoding.ASCII.GetBytes("x = 1\n")).ToArray()));
        var r = PythonParser.Parse(bom.Concat(Encoding.ASCII.GetBytes("# coding: latin-1\nx = 1\n")).ToArray());
        Assert.False(r.Success);
        Assert.Equal("encoding problem: iso-8859-1 with BOM", r.Diagnostics[0].Message);
        Assert.Equal(DiagnosticCodes.Encoding, r.Diagnostics[0].Code);
    }

    [Fact]
    public void Unknown_encoding_is_a_diagnostic()
    {
        var r = PythonParser.Parse(Encoding.ASCII.GetBytes("# coding: uft-8\nx = 1\n"), "bad.py");
        Assert.False(r.Success);
        Assert.Equal("unknown encoding: uft-8", r.Diagnostics[0].Message);
        Assert.Equal("bad.py", r.Diagnostics[0].Path);
    }

    [Fact]
    public void String_input_ignores_coding_declarations()
    {
        Assert.True(PythonParser.Parse("# coding: uft-8\nx = 1\n").Success);
    }

    [Fact]
    public void Crlf_and_cr_are_newlines_and_columns_count_utf8_bytes()
    {
        var r = PythonParser.Parse(Encoding.UTF8.GetBytes("s = 'é'\r\nt = 1\ru = \"\"\"a\r\nb\"\"\"\r\n"));
        Assert.True(r.Success);
        Assert.Equal(
            "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value='é', lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), " +
            "Assign(targets=[Name(id='t', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Constant(value=1, lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), " +
            "Assign(targets=[Name(id='u', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Constant(value='a\\nb', lineno=3, col_offset=4, end_lineno=4, end_col_offset=4), lineno=3, col_offset=0, end_lineno=4, end_col_offset=4)], type_ignores=[])",
            AstDump.Dump(r.Module!, includeAttributes: true));
        Assert.Equal(7, r.Source.ToCharacterColumn(1, 8));
    }

    [Fact]
    public void Null_bytes_are_rejected_like_cpython()
    {
        var r = PythonParser.Parse(Encoding.ASCII.GetBytes("x = 1\ny = '\0'\n"));
        Assert.False(r.Success);
        Assert.Equal("source code string cannot contain null bytes", r.Diagnostics[0].Message);
        Assert.Equal("ValueError", r.Diagnostics[0].ErrorType);
        Assert.Equal(2, r.Diagnostics[0].Line);
    }

    [Fact]
    public void Node_text_is_sliced_by_utf8_columns()
    {
        var r = PythonParser.Parse("é = f(ü,\n      b)  # x\n");
        var assign = (Assign)r.Module!.Body[0];
        Assert.Equal("f(ü,\n      b)", r.Source.GetText(assign.Value.Span));
        Assert.Equal("é", r.Source.GetText(assign.Targets[0].Span));
    }

    [Fact]
    public void Nfkc_normalises_identifiers_like_cpython()
    {
        var r = PythonParser.Parse("ﬁ = 1\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 2\n");
        Assert.True(r.Success);
        var dump = AstDump.Dump(r.Module!);
        Assert.Contains("Name(id='fi'", dump);
        Assert.Contains("Name(id='Unicode'", dump);
    }
}
