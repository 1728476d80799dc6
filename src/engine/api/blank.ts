// V8 gives an object made by `{}` room for four fields and puts the rest in a separate array
// (~40 B more per object); copies are what the store keeps, version after version. An object
// made by `new` of a function is sized from the function: each field count gets its own
// function, whose first instances fix the room it keeps inline. V8 starts that room from the
// number of `this.x =` in the function's body, so the body lists 24 that never run (`never` is
// always undefined): without them room stops at ten fields, and a Pod's spec or an Event, with
// 13 to 15, spilled. The functions' prototype is Object.prototype, so a copy is a plain object
// to everyone (constructor, equality, cloning); they are named Object for heap snapshots (a
// bundler may rename them).

type Blank = new () => Record<string, unknown>;
const BLANKS: Blank[] = [];
const MAX_INLINE_FIELDS = 32;

/** Returns an empty plain object that holds up to `fields` fields inline. */
export function blank(fields: number): Record<string, unknown> {
  if (fields > MAX_INLINE_FIELDS) return {};
  let make = BLANKS[fields];
  if (!make) {
    make = sizedObject();
    make.prototype = Object.prototype;
    BLANKS[fields] = make;
  }
  return new make();
}

function sizedObject(): Blank {
  return function Object(this: Record<string, unknown>, never?: true) {
    if (!never) return;
    this.f0 =
      this.f1 =
      this.f2 =
      this.f3 =
      this.f4 =
      this.f5 =
      this.f6 =
      this.f7 =
      this.f8 =
      this.f9 =
      this.f10 =
      this.f11 =
      this.f12 =
      this.f13 =
      this.f14 =
      this.f15 =
      this.f16 =
      this.f17 =
      this.f18 =
      this.f19 =
      this.f20 =
      this.f21 =
      this.f22 =
      this.f23 =
        undefined;
  } as unknown as Blank;
}
