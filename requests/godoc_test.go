package requests_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
	"testing"
)

// The house rules ask for godoc on every exported name: types, functions,
// methods, constants and variables (each, not only their group), struct
// fields and interface methods. This test reads the package's own source.
func TestGodocOnEveryExportedName(t *testing.T) {
	for _, dir := range []string{".", "requeststest"} {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pkgs {
			for _, f := range p.Files {
				for _, missing := range undocumented(f) {
					t.Errorf("%s: %s has no godoc", fset.Position(missing.Pos()), missing.Name)
				}
			}
		}
	}
}

func undocumented(f *ast.File) []*ast.Ident {
	var out []*ast.Ident
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || d.Doc != nil {
				continue
			}
			if d.Recv != nil && len(d.Recv.List) > 0 {
				rt := d.Recv.List[0].Type
				if s, ok := rt.(*ast.StarExpr); ok {
					rt = s.X
				}
				if ix, ok := rt.(*ast.IndexExpr); ok {
					rt = ix.X
				}
				if id, ok := rt.(*ast.Ident); ok && !id.IsExported() {
					continue
				}
			}
			out = append(out, d.Name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					if s.Doc == nil && d.Doc == nil {
						out = append(out, s.Name)
					}
					var fields *ast.FieldList
					switch tt := s.Type.(type) {
					case *ast.StructType:
						fields = tt.Fields
					case *ast.InterfaceType:
						fields = tt.Methods
					}
					if fields == nil {
						continue
					}
					for _, fl := range fields.List {
						for _, n := range fl.Names {
							if n.IsExported() && fl.Doc == nil && fl.Comment == nil {
								out = append(out, n)
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if !n.IsExported() || s.Doc != nil || s.Comment != nil {
							continue
						}
						if d.Lparen.IsValid() || d.Doc == nil { // in a group each name needs its own
							out = append(out, n)
						}
					}
				}
			}
		}
	}
	return out
}
