package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every package of the reference CRM has a doc.go with its package comment
// (a guide for the newcomer who copies from it), and every exported name
// — functions, methods of exported types, types, struct fields, constants
// and variables — has a doc comment (house rules).
func TestDocumentation(t *testing.T) {
	fset := token.NewFileSet()
	dirs := map[string]bool{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || (strings.HasPrefix(d.Name(), ".") && p != ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		dirs[filepath.Dir(p)] = true
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if f.Doc != nil && filepath.Base(p) != "doc.go" {
			t.Errorf("%s: the package comment belongs in doc.go", p)
		}
		checkExported(t, fset, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 6 {
		t.Fatalf("found only %d packages: %v", len(dirs), dirs)
	}
	for dir := range dirs {
		p := filepath.Join(dir, "doc.go")
		src, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("package %s has no doc.go", dir)
			continue
		}
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if f.Doc == nil || len(strings.Fields(f.Doc.Text())) < 20 {
			t.Errorf("%s: no package comment worth the name", p)
		}
	}
}

func checkExported(t *testing.T, fset *token.FileSet, f *ast.File) {
	t.Helper()
	missing := func(pos token.Pos, what string) {
		t.Errorf("%s: exported %s has no doc comment", fset.Position(pos), what)
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || d.Doc != nil {
				continue
			}
			if d.Recv != nil {
				typ := d.Recv.List[0].Type
				if s, ok := typ.(*ast.StarExpr); ok {
					typ = s.X
				}
				if id, ok := typ.(*ast.Ident); ok && !id.IsExported() {
					continue
				}
			}
			missing(d.Pos(), "func "+d.Name.Name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					if d.Doc == nil && s.Doc == nil {
						missing(s.Pos(), "type "+s.Name.Name)
					}
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							for _, n := range fl.Names {
								if n.IsExported() && fl.Doc == nil && fl.Comment == nil {
									missing(n.Pos(), "field "+s.Name.Name+"."+n.Name)
								}
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() && d.Doc == nil && s.Doc == nil && s.Comment == nil {
							missing(n.Pos(), n.Name)
						}
					}
				}
			}
		}
	}
}
