package dev.hato.sms.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's problem types, declared as {@code static final ProblemType} constants of one class that
 * implements this and is a bean: {@link ProblemCatalog} gathers them all.
 */
public interface ProblemTypes {

    /** The {@code static final ProblemType} constants of the implementing class, in declaration order. */
    default List<ProblemType> problemTypes() {
        List<ProblemType> types = new ArrayList<>();
        for (Field field : getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                try {
                    field.setAccessible(true);
                    types.add((ProblemType) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }
}
