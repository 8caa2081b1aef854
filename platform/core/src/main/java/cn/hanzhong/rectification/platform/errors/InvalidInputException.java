package cn.hanzhong.rectification.platform.errors;

import java.util.List;

/** 400: input that is well-formed but breaks a rule the service checks itself (field-level). */
public class InvalidInputException extends ProblemException {

    private final List<Problem.Violation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public InvalidInputException(List<Problem.Violation> violations) {
        super(400, "validation", "Invalid request",
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<Problem.Violation> violations() {
        return violations;
    }
}
