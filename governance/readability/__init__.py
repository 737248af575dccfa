"""Plain-language help for editors: the reading grade of patient pages against the clinic's
target, in the page editor, in the 'Reading level' report and in the reviewer's approval form."""
