package cn.hanzhong.rectification.platform.vocabulary;

/** An enum whose stable English code has a Chinese label for front ends to show. */
public interface Labelled {

    /** The enum constant's name: the stable code used in the API and events. */
    String name();

    /** The Chinese label, e.g. 立行立改. */
    String label();
}
